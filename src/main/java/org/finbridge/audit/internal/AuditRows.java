package org.finbridge.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditRecord;

/** The {@code audit_log} columns and their mapping, shared by the appender and the verifier. */
final class AuditRows {

    static final String COLUMNS = "sequence, recorded_at, actor, role, action, object_type, object_id, "
            + "before_summary, after_summary, request_id, prev_hash, hash";

    static final String INSERT = "insert into audit_log (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditRows() {
    }

    /** One stored row: a record, or why it cannot be one (which only tampering can cause). */
    sealed interface Row {
        long sequence();
    }

    record Readable(AuditRecord record) implements Row {
        @Override
        public long sequence() {
            return record.sequence();
        }
    }

    record Unreadable(long sequence, String problem) implements Row {
    }

    static Row map(ResultSet rs, int rowNum) throws SQLException {
        long sequence = rs.getLong("sequence");
        OffsetDateTime recordedAt = rs.getObject("recorded_at", OffsetDateTime.class);
        String prevHash = rs.getString("prev_hash");
        String hash = rs.getString("hash");
        if (recordedAt == null || prevHash == null || hash == null) {
            return new Unreadable(sequence, "record " + sequence + " lacks its time or a hash");
        }
        try {
            AuditEntry entry = new AuditEntry(rs.getString("actor"), rs.getString("role"), rs.getString("action"),
                    rs.getString("object_type"), rs.getString("object_id"), rs.getString("before_summary"),
                    rs.getString("after_summary"), rs.getString("request_id"));
            return new Readable(new AuditRecord(sequence, recordedAt.toInstant(), entry, prevHash, hash));
        } catch (IllegalArgumentException e) {
            // every appended entry passed this validation, so a stored one that fails it was altered
            return new Unreadable(sequence, "record " + sequence + " holds an invalid entry (" + e.getMessage() + ")");
        }
    }
}
