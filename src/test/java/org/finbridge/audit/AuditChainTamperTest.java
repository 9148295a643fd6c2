package org.finbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.finbridge.audit.AuditFixtures.asSaboteur;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A chain of 10,000 records, then every kind of tampering a privileged saboteur could do behind the
 * application's back: each must be detected, at the right sequence. The chain is restored from a
 * pristine copy before each case.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditChainTamperTest {

    static final int RECORDS = 10_000;
    static final int BATCH = 500;

    TestDatabase.Fresh db;
    HikariDataSource dataSource;
    JdbcClient sql;
    AuditVerifier verifier;
    String lastHash;

    @BeforeAll
    void appendTenThousandRecords() {
        db = TestDatabase.fresh("audit_tamper");
        db.migrate();
        dataSource = db.dataSource(4);
        sql = JdbcClient.create(dataSource);
        verifier = AuditLogs.verifier(dataSource);
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00.123456789Z"));
        AuditLog log = AuditLogs.log(dataSource, clock);
        AuditSequencer sequencer = AuditLogs.sequencer(dataSource);
        for (int from = 1; from <= RECORDS; from += BATCH) {
            log.appendAll(AuditFixtures.entries(from, BATCH));
            clock.advance(Duration.ofNanos(1_234_567));
            if (from % (4 * BATCH) == 1) {
                sequencer.flush();
            }
        }
        assertThat(sequencer.flush()).isPositive();
        lastHash = sql.sql("select hash from audit_log where sequence = ?").params(RECORDS).query(String.class).single();
        sql.sql("create table audit_log_pristine as select * from audit_log").update();
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @BeforeEach
    void restorePristineChain() {
        asSaboteur(dataSource, db.postgres(), () -> {
            sql.sql("delete from audit_log").update();
            sql.sql("insert into audit_log select * from audit_log_pristine").update();
            sql.sql("update audit_chain_head set last_sequence = ?, last_hash = ? where id = 1")
                    .params(RECORDS, lastHash).update();
        });
    }

    @Test
    void theUntouchedChainIsIntactAndVerifiesQuickly() {
        long started = System.nanoTime();
        Verification result = verifier.verify();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("audit verify on %s: %,d records in %d ms%n", db.vendor(), RECORDS, took.toMillis());

        assertThat(result).isEqualTo(new Verification.Intact(RECORDS, lastHash));
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(sql.sql("select recorded_at from audit_log where sequence = 1").query(OffsetDateTime.class).single()
                .toInstant()).as("recorded_at is truncated to microseconds")
                .isEqualTo(Instant.parse("2025-03-01T10:00:00.123456Z"));
    }

    record Tampering(String name, long expectedFirstBad, Runnable sabotage) {
    }

    @Test
    void everyKindOfTamperingIsDetectedAtTheRightSequence() {
        List<Tampering> cases = List.of(
                new Tampering("update after_summary of one record", 4_321,
                        () -> update("update audit_log set after_summary = '{\"status\":\"CLOSED\"}' where sequence = 4321")),
                new Tampering("update actor of the first record", 1,
                        () -> update("update audit_log set actor = 'usr_mallory' where sequence = 1")),
                new Tampering("update recorded_at by one microsecond", 777,
                        () -> update("update audit_log set recorded_at = ? where sequence = 777",
                                recordedAt(777).plusNanos(1_000))),
                new Tampering("blank a required field", 8_888,
                        () -> update("update audit_log set action = ' ' where sequence = 8888")),
                new Tampering("update the hash of the last record", RECORDS,
                        () -> update("update audit_log set hash = ? where sequence = ?", "f".repeat(64), RECORDS)),
                new Tampering("delete a record in the middle", 5_000,
                        () -> update("delete from audit_log where sequence = 5000")),
                new Tampering("delete the first record", 1,
                        () -> update("delete from audit_log where sequence = 1")),
                new Tampering("swap two records' contents, keeping their sequences", 2_000,
                        () -> swapContents(2_000, 7_000)),
                new Tampering("append a forged record with a made-up hash, moving the head", RECORDS + 1,
                        this::appendForgedWithWrongHash),
                new Tampering("append a correctly hashed record without moving the head", RECORDS + 1,
                        () -> insertForged(RECORDS + 1, lastHash)),
                new Tampering("replace a record by a correctly hashed forgery", 6_001,
                        () -> {
                            update("delete from audit_log where sequence = 6000");
                            insertForged(6_000, hashOf(5_999));
                        }),
                new Tampering("insert a correctly hashed forgery in the middle, renumbering the rest", 6_001,
                        this::insertForgedInTheMiddle),
                new Tampering("truncate the tail (the last 10 records)", RECORDS - 9,
                        () -> update("delete from audit_log where sequence > ?", RECORDS - 10)));

        List<String> missed = new ArrayList<>();
        int detected = 0;
        for (Tampering t : cases) {
            restorePristineChain();
            assertThat(verifier.verify()).as("restored before: " + t.name()).isInstanceOf(Verification.Intact.class);
            asSaboteur(dataSource, db.postgres(), t.sabotage());
            Verification result = verifier.verify();
            if (result instanceof Verification.Broken(long firstBad, String reason, var backlog) && firstBad == t.expectedFirstBad()) {
                detected++;
                System.out.printf("detected on %s: %s -> broken at %d: %s%n", db.vendor(), t.name(), firstBad, reason);
            } else {
                missed.add(t.name() + " (expected first bad " + t.expectedFirstBad() + ", got " + result + ")");
            }
        }
        assertThat(missed).isEmpty();
        assertThat(detected).isEqualTo(cases.size());
    }

    @Test
    void postgresRefusesUpdateDeleteAndTruncate() {
        assumeThat(db.postgres()).as("H2 has no append-only triggers; the module offers no change path").isTrue();
        assertRefused("update audit_log set actor = 'usr_mallory' where sequence = 10");
        assertRefused("delete from audit_log where sequence = 10");
        assertRefused("truncate table audit_log");
        assertRefused("delete from audit_chain_head");
        assertThat(verifier.verify()).isEqualTo(new Verification.Intact(RECORDS, lastHash));
    }

    private void assertRefused(String statement) {
        assertThatThrownBy(() -> update(statement)).as(statement)
                .rootCause().hasMessageContaining("the audit log is append-only");
    }

    private void update(String statement, Object... params) {
        sql.sql(statement).params(params).update();
    }

    private OffsetDateTime recordedAt(long sequence) {
        return sql.sql("select recorded_at from audit_log where sequence = ?").params(sequence)
                .query(OffsetDateTime.class).single();
    }

    private String hashOf(long sequence) {
        return sql.sql("select hash from audit_log where sequence = ?").params(sequence).query(String.class).single();
    }

    private void swapContents(long a, long b) {
        String columns = "recorded_at, actor, role, action, object_type, object_id, before_summary, after_summary, "
                + "request_id, prev_hash, hash";
        Map<String, Object> rowA = sql.sql("select " + columns + " from audit_log where sequence = ?").params(a)
                .query().singleRow();
        Map<String, Object> rowB = sql.sql("select " + columns + " from audit_log where sequence = ?").params(b)
                .query().singleRow();
        overwrite(a, rowB);
        overwrite(b, rowA);
    }

    private void overwrite(long sequence, Map<String, Object> row) {
        // map keys are upper case on H2 and lower case on PostgreSQL
        Map<String, Object> r = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.putAll(row);
        update("update audit_log set recorded_at = ?, actor = ?, role = ?, action = ?, object_type = ?, object_id = ?,"
                        + " before_summary = ?, after_summary = ?, request_id = ?, prev_hash = ?, hash = ? where sequence = ?",
                r.get("recorded_at"), r.get("actor"), r.get("role"), r.get("action"), r.get("object_type"),
                r.get("object_id"), r.get("before_summary"), r.get("after_summary"), r.get("request_id"),
                r.get("prev_hash"), r.get("hash"), sequence);
    }

    private static final AuditEntry FORGED = new AuditEntry("usr_mallory", "ADMIN", "party.kyb.approve", "party",
            "par_shell_company", "{\"kyb\":\"PENDING\"}", "{\"kyb\":\"APPROVED\"}", "req-forged");
    private static final Instant FORGED_AT = Instant.parse("2025-03-01T10:00:05.000001Z");

    /** Inserts a forgery whose hash is right for its own content and the given predecessor. */
    private AuditRecord insertForged(long sequence, String prevHash) {
        AuditRecord forged = new AuditRecord(sequence, FORGED_AT, FORGED, prevHash,
                AuditHash.of(prevHash, sequence, FORGED_AT, FORGED));
        assertThat(forged.hashMatches()).isTrue();
        update("insert into audit_log (sequence, recorded_at, actor, role, action, object_type, object_id,"
                        + " before_summary, after_summary, request_id, prev_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sequence, OffsetDateTime.ofInstant(FORGED_AT, ZoneOffset.UTC), FORGED.actor(), FORGED.role(),
                FORGED.action(), FORGED.objectType(), FORGED.objectId(), FORGED.beforeSummary(),
                FORGED.afterSummary(), FORGED.requestId(), prevHash, forged.hash());
        return forged;
    }

    private void appendForgedWithWrongHash() {
        // looks like a hash, chains to the last record, but is not the hash of this content
        String madeUp = AuditHash.of(lastHash, RECORDS + 1, FORGED_AT, AuditFixtures.entry(1));
        update("insert into audit_log (sequence, recorded_at, actor, role, action, object_type, object_id,"
                        + " before_summary, after_summary, request_id, prev_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                RECORDS + 1, OffsetDateTime.ofInstant(FORGED_AT, ZoneOffset.UTC), FORGED.actor(), FORGED.role(),
                FORGED.action(), FORGED.objectType(), FORGED.objectId(), FORGED.beforeSummary(),
                FORGED.afterSummary(), FORGED.requestId(), lastHash, madeUp);
        update("update audit_chain_head set last_sequence = ?, last_hash = ? where id = 1", RECORDS + 1, madeUp);
    }

    private void insertForgedInTheMiddle() {
        // shift 6000.. up by one (through a large offset, since the primary key is checked row by row),
        // slip the forgery in at 6000 and move the head so the count agrees
        update("update audit_log set sequence = sequence + 1000000 where sequence >= 6000");
        update("update audit_log set sequence = sequence - 999999 where sequence >= 1000000");
        insertForged(6_000, hashOf(5_999));
        update("update audit_chain_head set last_sequence = ? where id = 1", RECORDS + 1);
    }
}
