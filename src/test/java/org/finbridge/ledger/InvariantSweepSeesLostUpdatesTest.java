package org.finbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.finbridge.ledger.internal.InvariantSweep;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The negative control: the same kind of storm as the real ledger's, pushed through a deliberately
 * naive read-modify-write path, MUST be caught by the invariant sweep. A checker that never fails
 * proves nothing; this one is shown to fail on real damage, on its own database.
 */
@DatabaseTest
class InvariantSweepSeesLostUpdatesTest {

    @Test
    void aNaiveConcurrentPathIsCaughtBySweep() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh("naive");
        db.migrate();
        try (HikariDataSource ds = db.dataSource(16)) {
            LedgerInvariants sweep = InvariantSweep.over(ds);
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            List<UUID> accounts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                UUID id = UUID.randomUUID();
                jdbc.update("""
                        insert into ledger_accounts (id, currency, type, debits_must_not_exceed_credits,
                            credits_must_not_exceed_debits, history, created_at)
                        values (?, 'EUR', 'TEST', false, false, false, ?)""", id, OffsetDateTime.now(ZoneOffset.UTC));
                accounts.add(id);
            }
            assertThat(sweep.sweep().isClean()).as("clean before the naive storm").isTrue();

            NaiveReadModifyWriteLedger naive = new NaiveReadModifyWriteLedger(ds);
            int threads = 16;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    for (int i = 0; i < 300; i++) {
                        int a = rnd.nextInt(accounts.size());
                        int b = (a + 1 + rnd.nextInt(accounts.size() - 1)) % accounts.size();
                        try {
                            naive.transfer(accounts.get(a), accounts.get(b), 1 + rnd.nextInt(100), "EUR");
                        } catch (java.sql.SQLException lockTimeoutOrDeadlock) {
                            // the naive path does not even retry; what did commit is what the sweep judges
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();

            LedgerInvariants.Report report = sweep.sweep();
            assertThat(report.isClean()).as("the sweep must see the lost updates").isFalse();
            assertThat(report.violations()).anyMatch(v -> v.rule().equals("account totals equal the sum of their transfers"));
        }
    }
}
