package org.finbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many appenders at once, with sequencers chaining while they stage: one unforked chain without gaps,
 * every record exactly once, each appender's records in its own order; and of two sequencers, only one
 * works on the chain at a time.
 */
@DatabaseTest
class AuditChainConcurrencyTest {

    static final int THREADS = 16;
    static final int PER_THREAD = 200;

    @Test
    void sixteenConcurrentAppendersBuildOneContiguousChain() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh("audit_concurrency");
        db.migrate();
        try (HikariDataSource dataSource = db.dataSource(THREADS + 2)) {
            AuditLog log = AuditLogs.log(dataSource, Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
            AuditSequencer sequencer = AuditLogs.sequencer(dataSource);
            AuditSequencer rival = AuditLogs.sequencer(dataSource);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean appending = new AtomicBoolean(true);
            AtomicLong chainedInBackground = new AtomicLong();
            List<Future<?>> appenders = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2)) {
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    appenders.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < PER_THREAD; i++) {
                            log.append(AuditFixtures.entry(thread * PER_THREAD + i));
                        }
                        return null;
                    }));
                }
                // two sequencers (as on two nodes) chain while the appenders stage
                List<Future<?>> sequencers = new ArrayList<>();
                for (AuditSequencer s : List.of(sequencer, rival)) {
                    sequencers.add(pool.submit(() -> {
                        start.await();
                        while (appending.get()) {
                            chainedInBackground.addAndGet(s.sequenceNow().chained());
                            Thread.sleep(2);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : appenders) {
                    f.get();
                }
                appending.set(false);
                for (Future<?> f : sequencers) {
                    f.get();
                }
            }
            long rest = sequencer.flush();
            assertThat(chainedInBackground.get() + rest).as("every staged record chained once").isEqualTo(THREADS * PER_THREAD);
            assertThat(chainedInBackground.get()).as("the sequencers chained while appenders staged").isPositive();

            JdbcClient sql = JdbcClient.create(dataSource);
            List<Long> stored = sql.sql("select sequence from audit_log order by sequence").query(Long.class).list();
            assertThat(stored).hasSize(THREADS * PER_THREAD);
            for (int i = 0; i < stored.size(); i++) {
                assertThat(stored.get(i)).isEqualTo(i + 1L);
            }
            assertThat(sql.sql("select count(distinct object_id) from audit_log").query(Long.class).single())
                    .as("no record lost or doubled").isEqualTo(THREADS * PER_THREAD);
            assertThat(sql.sql("select count(*) from audit_stage").query(Long.class).single()).isZero();
            for (int t = 0; t < THREADS; t++) {
                List<String> objects = new ArrayList<>();
                for (int i = 0; i < PER_THREAD; i++) {
                    objects.add("acc_" + (t * PER_THREAD + i));
                }
                assertThat(sql.sql("select object_id from audit_log where object_id in (:ids) order by sequence")
                        .param("ids", objects).query(String.class).list())
                        .as("appender %d's records are chained in its order", t).isEqualTo(objects);
            }
            assertThat(AuditLogs.verifier(dataSource).verify())
                    .isInstanceOfSatisfying(Verification.Intact.class, intact -> {
                        assertThat(intact.records()).isEqualTo(THREADS * PER_THREAD);
                        assertThat(intact.backlog()).isEqualTo(Verification.Backlog.NONE);
                    });
        }
    }

    @Test
    void aSecondSequencerIsLockedOutWhileTheFirstHoldsTheChain() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh("audit_rival");
        db.migrate();
        try (HikariDataSource dataSource = db.dataSource(6)) {
            AuditLog log = AuditLogs.log(dataSource, Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
            log.appendAll(AuditFixtures.entries(1, 50));
            AuditSequencer other = AuditLogs.sequencer(dataSource);

            // a sequencer on another node, in the middle of its pass, holds the chain head
            try (Connection first = dataSource.getConnection()) {
                first.setAutoCommit(false);
                first.createStatement().executeQuery("select last_sequence from audit_chain_head where id = 1 for update").close();
                assertThat(other.sequenceNow()).isEqualTo(AuditSequencer.Pass.LOCKED_OUT);
                first.rollback();
            }
            assertThat(other.sequenceNow()).isEqualTo(new AuditSequencer.Pass(50, false));

            // two flushes racing over the same backlog: together they chain each record once
            log.appendAll(AuditFixtures.entries(51, 3_000));
            CyclicBarrier barrier = new CyclicBarrier(2);
            List<Future<Long>> racers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (AuditSequencer s : List.of(other, AuditLogs.sequencer(dataSource))) {
                    racers.add(pool.submit(() -> {
                        barrier.await();
                        return s.flush();
                    }));
                }
                assertThat(racers.get(0).get() + racers.get(1).get()).isEqualTo(3_000);
            }
            assertThat(AuditLogs.verifier(dataSource).verify())
                    .isInstanceOfSatisfying(Verification.Intact.class, i -> assertThat(i.records()).isEqualTo(3_050));
            assertThat(JdbcClient.create(dataSource).sql("select count(distinct staged_id) from audit_log")
                    .query(Long.class).single()).isEqualTo(3_050);
        }
    }
}
