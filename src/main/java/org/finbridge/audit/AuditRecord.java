package org.finbridge.audit;

import java.time.Instant;

/**
 * One record of the audit log as stored.
 *
 * @param sequence its place in the log: 1, 2, 3, … without gaps
 * @param recordedAt when it was appended, to the microsecond
 * @param entry what was recorded
 * @param prevHash the previous record's hash ({@link AuditHash#GENESIS} for the first record)
 * @param hash {@link AuditHash#of} this record: lower-case hex SHA-256
 */
public record AuditRecord(long sequence, Instant recordedAt, AuditEntry entry, String prevHash, String hash) {

    /** Whether the stored hash is the one its content and predecessor give. */
    public boolean hashMatches() {
        return AuditHash.of(prevHash, sequence, recordedAt, entry).equals(hash);
    }
}
