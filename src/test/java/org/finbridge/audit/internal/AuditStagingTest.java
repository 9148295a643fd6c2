package org.finbridge.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.audit.AuditLogs;
import org.finbridge.audit.AuditSequencer;
import org.finbridge.audit.AuditTrail;
import org.finbridge.audit.Verification;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The staging table between an audited transaction and the chain: a crash between staging and
 * sequencing loses nothing and chains nothing twice, and tampering with staged rows neither enters the
 * chain nor breaks what is already in it.
 */
@DatabaseTest
class AuditStagingTest {

    TestDatabase.Fresh db;
    HikariDataSource dataSource;
    JdbcClient sql;
    MutableClock clock;
    AuditLog log;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh("audit_staging");
        db.migrate();
        dataSource = db.dataSource(4);
        sql = JdbcClient.create(dataSource);
        clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
        log = AuditLogs.log(dataSource, clock);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void recordsStagedBeforeACrashAreChainedExactlyOnceAfterTheRestart() throws Exception {
        log.appendAll(entries(1, 300));
        log.append(entry(301));

        // the node dies in the middle of its pass: records inserted into the chain, staged rows not yet removed
        FailingOn failing = new FailingOn("delete from audit_stage", dataSource);
        AuditSequencer dying = new JdbcAuditSequencer(failing, new JdbcTransactionManager(failing));
        assertThatThrownBy(dying::flush).hasStackTraceContaining("the node stops here");
        assertThat(count("audit_log")).as("the pass rolled back with the node").isZero();
        assertThat(count("audit_stage")).isEqualTo(301);
        assertThat(AuditLogs.verifier(dataSource).verify())
                .isEqualTo(new Verification.Intact(0, org.finbridge.audit.AuditHash.GENESIS,
                        new Verification.Backlog(301, Instant.parse("2025-03-01T10:00:00Z"), 0, null)));

        // the application starts again: its sequencer chains the backlog before anything else happens
        SequencerDaemon restarted = new SequencerDaemon(AuditLogs.sequencer(dataSource), Duration.ofMinutes(10), Duration.ofMillis(10));
        restarted.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (count("audit_stage") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            restarted.stop();
        }
        assertThat(count("audit_stage")).isZero();
        assertThat(count("audit_log")).isEqualTo(301);
        assertThat(sql.sql("select count(distinct object_id) from audit_log").query(Long.class).single()).isEqualTo(301);
        assertThat(AuditLogs.sequencer(dataSource).flush()).as("nothing is left to chain twice").isZero();
        assertThat(AuditLogs.verifier(dataSource).verify())
                .isInstanceOfSatisfying(Verification.Intact.class, i -> assertThat(i.records()).isEqualTo(301));
    }

    @Test
    void theDaemonChainsWhatCommitsWhenWoken() throws Exception {
        AuditSequencer sequencer = AuditLogs.sequencer(dataSource);
        SequencerDaemon daemon = new SequencerDaemon(sequencer, Duration.ofMinutes(10), Duration.ofMillis(10));
        AuditLog woken = new JdbcAuditLog(dataSource, new JdbcTransactionManager(dataSource), clock, daemon::wake);
        daemon.start();
        try {
            Thread.sleep(200);
            woken.append(entry(1));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (count("audit_log") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(count("audit_log")).as("chained without waiting for the idle interval").isEqualTo(1);
        } finally {
            daemon.stop();
        }
    }

    @Test
    void anAlteredStagedRecordIsReportedAndNeverChained() {
        AuditSequencer sequencer = AuditLogs.sequencer(dataSource);
        log.appendAll(entries(1, 20));
        sequencer.flush();
        Verification.Intact before = (Verification.Intact) AuditLogs.verifier(dataSource).verify();
        clock.advance(Duration.ofSeconds(5));
        log.appendAll(entries(21, 5));
        long victim = sql.sql("select staged_id from audit_stage where object_id = 'acc_23'").query(Long.class).single();

        asStagingSaboteur(() -> sql.sql("update audit_stage set after_summary = '{\"status\":\"CLOSED\"}' where staged_id = ?")
                .params(victim).update());

        assertThat(sequencer.flush()).as("the four intact records are chained").isEqualTo(4);
        Verification after = AuditLogs.verifier(dataSource).verify();
        assertThat(after).isInstanceOfSatisfying(Verification.Intact.class, i -> assertThat(i.records()).isEqualTo(24));
        assertThat(after.backlog()).isEqualTo(new Verification.Backlog(1, null, 1, victim));
        assertThat(AuditLogs.trail(dataSource).of("ledger_account", "acc_23", 10)).singleElement()
                .satisfies(r -> assertThat(r.chained()).isFalse());
        // the chain built before the alteration is untouched
        assertThat(sql.sql("select hash from audit_log where sequence = 20").query(String.class).single())
                .isEqualTo(before.lastHash());

        // a chained record's staged row put back is not chained a second time, and does not stop the sequencer
        asStagingSaboteur(() -> sql.sql("insert into audit_stage (staged_id, recorded_at, actor, role, action, object_type,"
                + " object_id, before_summary, after_summary, request_id, entry_hash) select staged_id, recorded_at, actor,"
                + " role, action, object_type, object_id, before_summary, after_summary, request_id, ? from audit_log"
                + " where sequence = 24").params("0".repeat(64)).update());
        log.append(entry(99));
        assertThat(sequencer.flush()).isEqualTo(1);
        assertThat(AuditLogs.verifier(dataSource).verify())
                .isInstanceOfSatisfying(Verification.Intact.class, i -> {
                    assertThat(i.records()).isEqualTo(25);
                    assertThat(i.backlog().altered()).isEqualTo(2);
                });
    }

    @Test
    void aStagedRecordCannotBeDeletedBeforeItIsChainedAndDeletingOneBreaksNothingChained() {
        AuditSequencer sequencer = AuditLogs.sequencer(dataSource);
        log.appendAll(entries(1, 10));
        sequencer.flush();
        log.appendAll(entries(11, 3));
        if (db.postgres()) {
            assertThatThrownBy(() -> sql.sql("delete from audit_stage where object_id = 'acc_12'").update())
                    .rootCause().hasMessageContaining("the audit log is append-only");
            assertThatThrownBy(() -> sql.sql("update audit_stage set actor = 'usr_mallory'").update())
                    .rootCause().hasMessageContaining("the audit log is append-only");
            assertThatThrownBy(() -> sql.sql("truncate table audit_stage").update())
                    .rootCause().hasMessageContaining("the audit log is append-only");
        }
        asStagingSaboteur(() -> sql.sql("delete from audit_stage where object_id = 'acc_12'").update());
        assertThat(sequencer.flush()).isEqualTo(2);
        assertThat(AuditLogs.verifier(dataSource).verify())
                .isInstanceOfSatisfying(Verification.Intact.class, i -> {
                    assertThat(i.records()).isEqualTo(12);
                    assertThat(i.backlog()).isEqualTo(Verification.Backlog.NONE);
                });
        List<AuditTrail.TrailRecord> trail = AuditLogs.trail(dataSource).of("ledger_account", "acc_13", 10);
        assertThat(trail).singleElement().satisfies(r -> assertThat(r.sequence()).isEqualTo(12L));
    }

    private void asStagingSaboteur(Runnable sabotage) {
        if (db.postgres()) {
            sql.sql("alter table audit_stage disable trigger user").update();
        }
        try {
            sabotage.run();
        } finally {
            if (db.postgres()) {
                sql.sql("alter table audit_stage enable trigger user").update();
            }
        }
    }

    private long count(String table) {
        return sql.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static AuditEntry entry(int n) {
        return new AuditEntry("usr_" + n, "OPERATOR", "ledger.account.create", "ledger_account", "acc_" + n,
                null, "{\"status\":\"OPEN\"}", "req-" + n);
    }

    private static List<AuditEntry> entries(int from, int count) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            entries.add(entry(i));
        }
        return entries;
    }

    /** A connection that fails when it is asked to prepare a statement starting with {@code prefix}. */
    private static final class FailingOn extends DelegatingDataSource {

        private final String prefix;

        FailingOn(String prefix, javax.sql.DataSource target) {
            super(target);
            this.prefix = prefix;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = super.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String s
                                && s.startsWith(prefix)) {
                            throw new SQLException("the node stops here");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
