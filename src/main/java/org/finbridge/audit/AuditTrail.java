package org.finbridge.audit;

import java.time.Instant;
import java.util.List;

/**
 * Reads the audit trail of one object: chained records in sequence order, then records still waiting
 * to be chained in the order they will be, so a record never disappears from view between its commit
 * and its sequencing (the {@code audit_trail} view offers the same to SQL readers).
 */
public interface AuditTrail {

    /** Up to {@code limit} records about {@code objectType}/{@code objectId}, oldest first. */
    List<TrailRecord> of(String objectType, String objectId, int limit);

    /**
     * One record of the trail.
     *
     * @param sequence its place in the chain, or null while it waits in the staging table
     * @param hash its chain hash, or null while it waits
     */
    record TrailRecord(Long sequence, Instant recordedAt, AuditEntry entry, String hash) {

        public boolean chained() {
            return sequence != null;
        }
    }
}
