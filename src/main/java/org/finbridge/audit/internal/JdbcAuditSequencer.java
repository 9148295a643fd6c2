package org.finbridge.audit.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditHash;
import org.finbridge.audit.AuditRecord;
import org.finbridge.audit.AuditSequencer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The integrating half of the two-stage log. Each pass is one transaction of its own:
 *
 * <ol>
 *   <li>lock the chain head row: this is what makes the sequencer single across nodes; a second
 *       sequencer either skips the pass ({@code SKIP LOCKED}, {@link #sequenceNow()}) or waits for the
 *       first to commit ({@link #flush()}) and then sees the rows it removed as gone;</li>
 *   <li>read a batch of committed staged rows in staging order;</li>
 *   <li>number them after the head, hash each on its predecessor, insert them into {@code audit_log};</li>
 *   <li>delete exactly those staged rows (by id, never by range: a row with a lower id may commit
 *       meanwhile and must wait for the next pass) and move the head.</li>
 * </ol>
 *
 * <p>A crash anywhere before the commit leaves the staged rows and the head as they were; after it,
 * the records are chained and no longer staged. Either way each record is chained exactly once.
 */
public final class JdbcAuditSequencer implements AuditSequencer {

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditSequencer.class);

    static final int BATCH = 1_000;

    private static final String TRY_LOCK = ChainHead.LOCK + " skip locked";

    private static final String ANY_STAGED =
            "select staged_id from audit_stage where staged_id > ? order by staged_id fetch first 1 rows only";

    /** One statement for the whole batch (a delete per row was a sixth of the audit log's statements under load). */
    private static final String UNSTAGE = "delete from audit_stage where staged_id = any (?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();

    public JdbcAuditSequencer(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        // never part of a caller's transaction: the head lock must last only as long as one batch
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Pass sequenceNow() {
        return drain(false);
    }

    @Override
    public long flush() {
        return drain(true).chained();
    }

    /**
     * Passes until a batch comes back short or chains nothing; stops early when locked out. Each batch reads
     * from the lowest staged id again, not after the previous batch's last: a row with a lower id that was
     * still uncommitted then may have committed since, and one writer's next record (a higher id, staged
     * after that commit) must not be chained before it.
     */
    private Pass drain(boolean wait) {
        int chained = 0;
        while (true) {
            Batch b = transactions.execute(status -> pass(wait));
            if (b == null || b.lockedOut()) {
                return new Pass(chained, chained == 0);
            }
            chained += b.chained();
            if (b.read() < BATCH || b.chained() == 0) {
                return new Pass(chained, false);
            }
        }
    }

    private record Batch(int read, int chained, long lastStagedId, boolean lockedOut) {
    }

    private Batch pass(boolean wait) {
        long after = 0; // every batch reads from the start (see drain)
        // nothing staged: leave the head alone (locking its row is a write on PostgreSQL, which an idle
        // node polling every second would otherwise make for nothing)
        if (jdbc.sql(ANY_STAGED).param(after).query(Long.class).optional().isEmpty()) {
            return new Batch(0, 0, after, false);
        }
        Optional<ChainHead> locked = jdbc.sql(wait ? ChainHead.LOCK : TRY_LOCK)
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2))).optional();
        if (locked.isEmpty()) {
            if (jdbc.sql(ChainHead.READ).query((rs, n) -> 1).optional().isEmpty()) {
                throw new IllegalStateException(
                        "audit_chain_head has no row: the audit migrations have not run, or the row was deleted");
            }
            return new Batch(0, 0, after, true);
        }
        List<AuditRows.StagedRow> staged = jdbc.sql(AuditRows.STAGED_PAGE).params(after, BATCH)
                .query(AuditRows::mapStaged).list();
        if (staged.isEmpty()) {
            return new Batch(0, 0, after, false);
        }
        ChainHead head = locked.get();
        long sequence = head.lastSequence();
        String prevHash = head.lastHash();
        List<AuditRecord> records = new ArrayList<>(staged.size());
        List<Long> stagedIds = new ArrayList<>(staged.size());
        for (AuditRows.StagedRow row : staged) {
            switch (row) {
                case AuditRows.Waiting w -> {
                    sequence++;
                    String hash = AuditHash.of(prevHash, sequence, w.recordedAt(), w.entry());
                    records.add(new AuditRecord(sequence, w.recordedAt(), w.entry(), prevHash, hash));
                    stagedIds.add(w.stagedId());
                    prevHash = hash;
                }
                case AuditRows.Altered a -> {
                    // chaining it would seal the alteration into the chain; it stays staged, and
                    // `audit verify` keeps reporting it
                    if (reported.add(a.stagedId())) {
                        log.error("audit: not chaining {}", a.problem());
                    }
                }
            }
        }
        long last = staged.getLast().stagedId();
        if (records.isEmpty()) {
            return new Batch(staged.size(), 0, last, false);
        }
        insert(records, stagedIds);
        batch.update(c -> {
            var ps = c.prepareStatement(UNSTAGE);
            ps.setArray(1, c.createArrayOf("BIGINT", stagedIds.toArray()));
            return ps;
        });
        AuditRecord newest = records.getLast();
        if (jdbc.sql(ChainHead.MOVE).params(newest.sequence(), newest.hash()).update() != 1) {
            throw new IllegalStateException("audit_chain_head was not updated");
        }
        return new Batch(staged.size(), records.size(), last, false);
    }

    private void insert(List<AuditRecord> records, List<Long> stagedIds) {
        List<Integer> index = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            index.add(i);
        }
        batch.batchUpdate(AuditRows.INSERT, index, BATCH, (ps, i) -> {
            AuditRecord r = records.get(i);
            AuditEntry e = r.entry();
            ps.setLong(1, r.sequence());
            ps.setObject(2, OffsetDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC));
            ps.setString(3, e.actor());
            ps.setString(4, e.role());
            ps.setString(5, e.action());
            ps.setString(6, e.objectType());
            ps.setString(7, e.objectId());
            ps.setString(8, e.beforeSummary());
            ps.setString(9, e.afterSummary());
            ps.setString(10, e.requestId());
            ps.setString(11, r.prevHash());
            ps.setString(12, r.hash());
            ps.setLong(13, stagedIds.get(i));
        });
    }
}
