package org.finbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A business change and its audit record commit or roll back together, and a rollback leaves no gap. */
@DatabaseTest
class AuditLogTransactionTest {

    HikariDataSource dataSource;
    JdbcClient sql;
    AuditLog log;
    TransactionTemplate business;

    @BeforeEach
    void setUp() {
        TestDatabase.Fresh db = TestDatabase.fresh("audit_tx");
        db.migrate();
        dataSource = db.dataSource(4);
        sql = JdbcClient.create(dataSource);
        sql.sql("create table business_change (id integer not null primary key)").update();
        log = AuditLogs.log(dataSource, Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
        // the caller's own transaction manager, as a module's @Transactional service would have
        business = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void theRecordCommitsWithTheChange() {
        business.executeWithoutResult(status -> {
            sql.sql("insert into business_change (id) values (1)").update();
            log.append(AuditFixtures.entry(1));
        });
        assertThat(count("business_change")).isEqualTo(1);
        assertThat(count("audit_stage")).as("staged with the change").isEqualTo(1);
        assertThat(count("audit_trail")).as("visible before it is chained").isEqualTo(1);
        assertThat(AuditLogs.sequencer(dataSource).flush()).isEqualTo(1);
        assertThat(count("audit_log")).isEqualTo(1);
        assertThat(count("audit_stage")).isZero();
        assertThat(count("audit_trail")).isEqualTo(1);
    }

    @Test
    void theRecordRollsBackWithTheChangeAndLeavesNoGap() {
        business.executeWithoutResult(status -> {
            sql.sql("insert into business_change (id) values (1)").update();
            log.append(AuditFixtures.entry(1));
            status.setRollbackOnly();
        });
        assertThat(count("business_change")).isZero();
        assertThat(count("audit_trail")).isZero();
        assertThat(AuditLogs.sequencer(dataSource).flush()).isZero();
        assertThat(AuditLogs.verifier(dataSource).verify()).isEqualTo(new Verification.Intact(0, AuditHash.GENESIS));

        log.append(AuditFixtures.entry(2));
        AuditLogs.sequencer(dataSource).flush();
        AuditTrail.TrailRecord next = AuditLogs.trail(dataSource).of("ledger_account", "acc_2", 10).getFirst();
        assertThat(next.sequence()).isEqualTo(1);
        assertThat(sql.sql("select prev_hash from audit_log where sequence = 1").query(String.class).single())
                .isEqualTo(AuditHash.GENESIS);
        assertThat(AuditLogs.verifier(dataSource).verify()).isEqualTo(new Verification.Intact(1, next.hash()));
    }

    private long count(String table) {
        return sql.sql("select count(*) from " + table).query(Long.class).single();
    }
}
