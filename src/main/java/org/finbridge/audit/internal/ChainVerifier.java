package org.finbridge.audit.internal;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.finbridge.audit.AuditHash;
import org.finbridge.audit.AuditRecord;
import org.finbridge.audit.AuditVerifier;
import org.finbridge.audit.Verification;
import org.finbridge.audit.Verification.Broken;
import org.finbridge.audit.Verification.Intact;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks the log in pages by sequence (keyset pagination, so memory stays constant however long the
 * log) and recomputes the chain.
 *
 * <p>It reads the head first and walks only up to it: every record up to the head committed with it,
 * so appends running meanwhile neither hide damage nor look like it. Records beyond the head are then
 * looked for in one statement that also reads the head, because an honest append moves the head in
 * the same transaction as it inserts.
 */
public final class ChainVerifier implements AuditVerifier {

    static final int PAGE = 5_000;

    private static final String PAGE_QUERY = "select " + AuditRows.COLUMNS + " from audit_log"
            + " where sequence > ? and sequence <= ? order by sequence fetch first " + PAGE + " rows only";

    private static final String BEYOND_HEAD = "select min(sequence) from audit_log"
            + " where sequence > (select last_sequence from audit_chain_head where id = 1)";

    private final JdbcClient jdbc;

    public ChainVerifier(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Verification verify() {
        Optional<ChainHead> head = readHead();
        if (head.isEmpty()) {
            return new Broken(1, "the chain head (audit_chain_head) has no row");
        }
        Walk walk = new Walk();
        Optional<Broken> broken = walkUpTo(head.get().lastSequence(), walk);
        if (broken.isEmpty()) {
            broken = endsAtHead(head.get(), walk);
        }
        if (broken.isEmpty()) {
            broken = nothingBeyondHead();
        }
        Verification.Backlog backlog = backlog();
        return broken.<Verification>map(b -> new Broken(b.firstBadSequence(), b.reason(), backlog))
                .orElseGet(() -> new Intact(walk.last, walk.lastHash, backlog));
    }

    /**
     * The staged records (read in pages by staging id), checked against their entry hashes. They are
     * outside the chain, so nothing found here makes the chain broken.
     */
    private Verification.Backlog backlog() {
        long records = 0;
        long altered = 0;
        Long firstAltered = null;
        java.time.Instant oldest = null;
        long after = 0;
        while (true) {
            List<AuditRows.StagedRow> page = jdbc.sql(AuditRows.STAGED_PAGE).params(after, PAGE)
                    .query(AuditRows::mapStaged).list();
            for (AuditRows.StagedRow row : page) {
                records++;
                switch (row) {
                    case AuditRows.Waiting w -> {
                        if (oldest == null || w.recordedAt().isBefore(oldest)) {
                            oldest = w.recordedAt();
                        }
                    }
                    case AuditRows.Altered a -> {
                        altered++;
                        if (firstAltered == null) {
                            firstAltered = a.stagedId();
                        }
                    }
                }
            }
            if (page.size() < PAGE) {
                return records == 0 ? Verification.Backlog.NONE
                        : new Verification.Backlog(records, oldest, altered, firstAltered);
            }
            after = page.getLast().stagedId();
        }
    }

    /** How far the walk got: the last good record's sequence and hash. */
    private static final class Walk {
        long last = 0;
        String lastHash = AuditHash.GENESIS;
    }

    private Optional<ChainHead> readHead() {
        return jdbc.sql(ChainHead.READ).query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2))).optional();
    }

    private Optional<Broken> walkUpTo(long headSequence, Walk walk) {
        long after = Long.MIN_VALUE; // not 0: a forged record numbered 0 or below must be seen too
        while (true) {
            List<AuditRows.Row> page = jdbc.sql(PAGE_QUERY).params(after, headSequence).query(AuditRows::map).list();
            for (AuditRows.Row row : page) {
                Optional<Broken> broken = check(row, walk);
                if (broken.isPresent()) {
                    return broken;
                }
                walk.last = row.sequence();
                walk.lastHash = ((AuditRows.Readable) row).record().hash();
            }
            if (page.size() < PAGE) {
                return Optional.empty();
            }
            after = page.getLast().sequence();
        }
    }

    private static Optional<Broken> check(AuditRows.Row row, Walk walk) {
        long expected = walk.last + 1;
        long sequence = row.sequence();
        if (sequence > expected) {
            return broken(expected, "sequence " + expected + " is missing (the next record is " + sequence + ")");
        }
        if (sequence < expected) {
            return broken(sequence, "unexpected sequence " + sequence + " where " + expected + " was expected");
        }
        return switch (row) {
            case AuditRows.Unreadable u -> broken(sequence, u.problem());
            case AuditRows.Readable r -> checkHashes(r.record(), walk.lastHash);
        };
    }

    private static Optional<Broken> checkHashes(AuditRecord record, String expectedPrevHash) {
        long sequence = record.sequence();
        if (!record.prevHash().equals(expectedPrevHash)) {
            return broken(sequence, sequence == 1
                    ? "prev_hash of the first record is not 64 zeros"
                    : "prev_hash does not match the hash of record " + (sequence - 1));
        }
        if (!record.hashMatches()) {
            return broken(sequence, "hash does not match the record's content");
        }
        return Optional.empty();
    }

    private static Optional<Broken> endsAtHead(ChainHead head, Walk walk) {
        if (walk.last < head.lastSequence()) {
            return broken(walk.last + 1, "the log ends at sequence " + walk.last
                    + " but the chain head records " + head.lastSequence() + ": the tail is missing");
        }
        if (!walk.lastHash.equals(head.lastHash())) {
            return broken(Math.max(walk.last, 1), "the chain head's hash differs from that of record " + walk.last);
        }
        return Optional.empty();
    }

    private Optional<Broken> nothingBeyondHead() {
        Long beyond = jdbc.sql(BEYOND_HEAD).query(Long.class).optional().orElse(null);
        return beyond == null
                ? Optional.empty()
                : broken(beyond, "record " + beyond + " lies beyond the chain head");
    }

    private static Optional<Broken> broken(long sequence, String reason) {
        return Optional.of(new Broken(sequence, reason));
    }
}
