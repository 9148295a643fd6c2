package org.finbridge.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditHash;
import org.finbridge.audit.AuditLog;
import org.finbridge.audit.AuditRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends under the chain-head lock: lock the head row, number and hash the new records after it,
 * insert them, move the head. Two appenders can therefore never both build on the same predecessor
 * (the chain cannot fork), and because numbers are taken from the head inside the transaction, a
 * rolled-back append leaves no gap.
 */
public final class JdbcAuditLog implements AuditLog {

    private static final int INSERT_BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcAuditLog(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new JdbcTemplate(dataSource);
        // REQUIRED: inside a caller's transaction the record commits or rolls back with the change it
        // records; outside one, the append is a transaction of its own
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.clock = clock;
    }

    @Override
    public AuditRecord append(AuditEntry entry) {
        return appendAll(List.of(entry)).getFirst();
    }

    @Override
    public List<AuditRecord> appendAll(List<AuditEntry> entries) {
        List<AuditEntry> copy = List.copyOf(entries);
        if (copy.isEmpty()) {
            return List.of();
        }
        return transactions.execute(status -> appendLocked(copy));
    }

    private List<AuditRecord> appendLocked(List<AuditEntry> entries) {
        ChainHead head = lockHead();
        // read after taking the lock, so recorded_at follows sequence order whenever the clock does
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AuditRecord> records = chain(head, now, entries);
        insert(records);
        moveHead(records.getLast());
        return records;
    }

    private ChainHead lockHead() {
        return jdbc.sql(ChainHead.LOCK)
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElseThrow(() -> new IllegalStateException(
                        "audit_chain_head has no row: the audit migrations have not run, or the row was deleted"));
    }

    private static List<AuditRecord> chain(ChainHead head, Instant now, List<AuditEntry> entries) {
        List<AuditRecord> records = new ArrayList<>(entries.size());
        long sequence = head.lastSequence();
        String prevHash = head.lastHash();
        for (AuditEntry entry : entries) {
            sequence++;
            String hash = AuditHash.of(prevHash, sequence, now, Objects.requireNonNull(entry, "entry"));
            records.add(new AuditRecord(sequence, now, entry, prevHash, hash));
            prevHash = hash;
        }
        return records;
    }

    private void insert(List<AuditRecord> records) {
        batch.batchUpdate(AuditRows.INSERT, records, INSERT_BATCH, (ps, r) -> {
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
        });
    }

    private void moveHead(AuditRecord last) {
        int updated = jdbc.sql(ChainHead.MOVE).params(last.sequence(), last.hash()).update();
        if (updated != 1) {
            throw new IllegalStateException("audit_chain_head was not updated");
        }
    }
}
