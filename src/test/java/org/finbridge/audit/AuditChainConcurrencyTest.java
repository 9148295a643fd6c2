package org.finbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many appenders at once: the chain-head lock keeps one unforked chain without gaps. */
@DatabaseTest
class AuditChainConcurrencyTest {

    static final int THREADS = 16;
    static final int PER_THREAD = 200;

    @Test
    void sixteenConcurrentAppendersBuildOneContiguousChain() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh("audit_concurrency");
        db.migrate();
        try (HikariDataSource dataSource = db.dataSource(THREADS)) {
            AuditLog log = AuditLogs.log(dataSource, Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> appenders = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    appenders.add(pool.submit(() -> {
                        start.await();
                        List<Long> sequences = new ArrayList<>();
                        for (int i = 0; i < PER_THREAD; i++) {
                            sequences.add(log.append(AuditFixtures.entry(thread * PER_THREAD + i)).sequence());
                        }
                        return sequences;
                    }));
                }
                start.countDown();
                List<Long> all = new ArrayList<>();
                for (Future<List<Long>> f : appenders) {
                    List<Long> mine = f.get();
                    assertThat(mine).as("one appender's records are in its order").isSorted();
                    all.addAll(mine);
                }
                assertThat(all).hasSize(THREADS * PER_THREAD).doesNotHaveDuplicates()
                        .allMatch(s -> s >= 1 && s <= THREADS * PER_THREAD);
            }

            List<Long> stored = JdbcClient.create(dataSource).sql("select sequence from audit_log order by sequence")
                    .query(Long.class).list();
            assertThat(stored).hasSize(THREADS * PER_THREAD);
            for (int i = 0; i < stored.size(); i++) {
                assertThat(stored.get(i)).isEqualTo(i + 1L);
            }
            assertThat(AuditLogs.verifier(dataSource).verify())
                    .isInstanceOfSatisfying(Verification.Intact.class,
                            intact -> assertThat(intact.records()).isEqualTo(THREADS * PER_THREAD));
        }
    }
}
