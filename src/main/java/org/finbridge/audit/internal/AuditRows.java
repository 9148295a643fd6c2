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

    static final String INSERT = "insert into audit_log (" + COLUMNS + ", staged_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String ENTRY_COLUMNS = "recorded_at, actor, role, action, object_type, object_id, "
            + "before_summary, after_summary, request_id";

    static final String STAGE = "insert into audit_stage (" + ENTRY_COLUMNS + ", entry_hash)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Staged rows after a staging id, oldest first, each flagged when its staging id is already in the
     * chain (which only a re-inserted row can cause: the sequencer removes a row as it chains it).
     */
    static final String STAGED_PAGE = "select s.staged_id, s." + ENTRY_COLUMNS.replace(", ", ", s.")
            + ", s.entry_hash, case when exists (select 1 from audit_log l where l.staged_id = s.staged_id)"
            + " then 1 else 0 end as already_chained"
            + " from audit_stage s where s.staged_id > ? order by s.staged_id fetch first ? rows only";

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

    /** One row of {@code audit_stage}: a record waiting for the sequencer, or why it must not be chained. */
    sealed interface StagedRow {
        long stagedId();
    }

    record Waiting(long stagedId, java.time.Instant recordedAt, AuditEntry entry) implements StagedRow {
    }

    record Altered(long stagedId, String problem) implements StagedRow {
    }

    static StagedRow mapStaged(ResultSet rs, int rowNum) throws SQLException {
        long stagedId = rs.getLong("staged_id");
        OffsetDateTime recordedAt = rs.getObject("recorded_at", OffsetDateTime.class);
        String entryHash = rs.getString("entry_hash");
        if (rs.getInt("already_chained") != 0) {
            return new Altered(stagedId, "staged record " + stagedId + " is already in the chain");
        }
        if (recordedAt == null || entryHash == null) {
            return new Altered(stagedId, "staged record " + stagedId + " lacks its time or entry hash");
        }
        AuditEntry entry;
        try {
            entry = new AuditEntry(rs.getString("actor"), rs.getString("role"), rs.getString("action"),
                    rs.getString("object_type"), rs.getString("object_id"), rs.getString("before_summary"),
                    rs.getString("after_summary"), rs.getString("request_id"));
        } catch (IllegalArgumentException e) {
            return new Altered(stagedId, "staged record " + stagedId + " holds an invalid entry (" + e.getMessage() + ")");
        }
        if (!org.finbridge.audit.AuditHash.staged(recordedAt.toInstant(), entry).equals(entryHash)) {
            return new Altered(stagedId, "staged record " + stagedId + " does not match its entry hash");
        }
        return new Waiting(stagedId, recordedAt.toInstant(), entry);
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
