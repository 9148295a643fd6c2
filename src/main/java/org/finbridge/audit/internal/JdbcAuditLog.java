package org.finbridge.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditHash;
import org.finbridge.audit.AuditLog;
import org.finbridge.platform.background.AfterCommit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stages records: one insert into {@code audit_stage} in the caller's transaction, with no lock that
 * another transaction waits for. Numbering and chaining are the sequencer's ({@link JdbcAuditSequencer});
 * it is woken once the caller's transaction has committed, when the records become visible to it.
 */
public final class JdbcAuditLog implements AuditLog {

    private static final int INSERT_BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Runnable staged;

    public JdbcAuditLog(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
                        Runnable staged) {
        this.jdbc = new JdbcTemplate(dataSource);
        // REQUIRED: inside a caller's transaction the records commit or roll back with the change they
        // record; outside one, several records are staged in a transaction of their own
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.clock = clock;
        this.staged = Objects.requireNonNull(staged, "staged");
    }

    @Override
    public void append(AuditEntry entry) {
        appendAll(List.of(entry));
    }

    @Override
    public void appendAll(List<AuditEntry> entries) {
        List<AuditEntry> copy = List.copyOf(entries);
        if (copy.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (copy.size() == 1) {
            // one statement joins the caller's transaction or commits on its own: atomic either way
            stage(now, copy);
        } else {
            transactions.executeWithoutResult(status -> stage(now, copy));
        }
        wakeSequencerAfterCommit();
    }

    private void stage(Instant now, List<AuditEntry> entries) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.batchUpdate(AuditRows.STAGE, entries, INSERT_BATCH, (ps, e) -> {
            ps.setObject(1, at);
            ps.setString(2, e.actor());
            ps.setString(3, e.role());
            ps.setString(4, e.action());
            ps.setString(5, e.objectType());
            ps.setString(6, e.objectId());
            ps.setString(7, e.beforeSummary());
            ps.setString(8, e.afterSummary());
            ps.setString(9, e.requestId());
            ps.setString(10, AuditHash.staged(now, e));
        });
    }

    private void wakeSequencerAfterCommit() {
        AfterCommit.run(staged);
    }
}
