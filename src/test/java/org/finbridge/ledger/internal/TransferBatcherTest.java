package org.finbridge.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.LedgerBusyException;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferFlag;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The batching engine on a database migrated by a connection that is closed afterwards (as the pool
 * retires connections), with a database that can be made to stall: back-pressure, and every kind of
 * row written after the migration's session is gone.
 */
@DatabaseTest
class TransferBatcherTest {

    HikariDataSource pool;
    StallingDataSource stalling;
    TransferBatcher batcher;
    AccountId a = AccountId.next();
    AccountId b = AccountId.next();

    @BeforeEach
    void setUp() {
        TestDatabase.Fresh db = TestDatabase.fresh("batcher");
        db.migrate(); // Flyway's own connection, closed when it is done
        pool = db.dataSource(4);
        pool.setMaxLifetime(30_000);
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        for (AccountId id : List.of(a, b)) {
            jdbc.update("""
                    insert into ledger_accounts (id, currency, type, debits_must_not_exceed_credits,
                        credits_must_not_exceed_debits, history, created_at) values (?, 'EUR', 'TEST', false, false, true, ?)""",
                    id.value(), Instant.now().atOffset(ZoneOffset.UTC));
        }
        stalling = new StallingDataSource(pool);
        batcher = batcher(Duration.ofSeconds(30));
        batcher.start();
    }

    private TransferBatcher batcher(Duration drainTimeout) {
        return new TransferBatcher(new BatchStore(stalling), Clock.systemUTC(), 100, 10, Duration.ZERO, drainTimeout,
                new SimpleMeterRegistry());
    }

    @AfterEach
    void tearDown() {
        stalling.release();
        batcher.stop();
        LedgerInvariants.Report report = InvariantSweep.over(pool).sweep();
        assertThat(report.violations()).as(report.toString()).isEmpty();
        pool.close();
    }

    private Transfer transfer(long amount) {
        return Transfer.posted(TransferId.next(), a, b, amount, "EUR", "TEST");
    }

    @Test
    void aFullQueueRefusesAtOnceAndLosesNothingAlreadyQueued() throws Exception {
        stalling.stall();
        CompletableFuture<List<TransferResult>> inFlight = batcher.submit(List.of(transfer(1)));
        assertThat(stalling.awaitStalled()).isTrue(); // the writer is now stuck inside a batch
        List<CompletableFuture<List<TransferResult>>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(batcher.submit(List.of(transfer(1))));
        }
        long started = System.nanoTime();
        assertThatThrownBy(() -> batcher.submit(List.of(transfer(1)))).isInstanceOf(LedgerBusyException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));

        stalling.release();
        assertThat(inFlight.get(30, TimeUnit.SECONDS)).containsExactly(TransferResult.OK);
        for (CompletableFuture<List<TransferResult>> f : queued) {
            assertThat(f.get(30, TimeUnit.SECONDS)).containsExactly(TransferResult.OK);
        }
        assertThat(new JdbcTemplate(pool).queryForObject("select credits_posted from ledger_accounts where id = ?",
                Long.class, b.value())).isEqualTo(11);
    }

    @Test
    void everyKindOfRowIsWrittenAfterTheMigrationSessionIsGone() throws Exception {
        TransferId hold = TransferId.next();
        TransferId hold2 = TransferId.next();
        List<TransferResult> r = batcher.submit(List.of(
                transfer(10),
                Transfer.pending(hold, a, b, 5, "EUR", "AUTH", 3600),
                Transfer.pending(hold2, a, b, 7, "EUR", "AUTH", 3600),
                Transfer.postPending(TransferId.next(), hold, 0, "CAPTURE"),
                new Transfer(TransferId.next(), null, null, 0, null, hold2, 0, "VOID", null,
                        java.util.Set.of(TransferFlag.VOID_PENDING)))).get(30, TimeUnit.SECONDS);
        assertThat(r).containsOnly(TransferResult.OK);
        assertThat(new JdbcTemplate(pool).queryForObject("select count(*) from ledger_account_balances", Long.class))
                .isEqualTo(10);
    }

    @Test
    void stoppingRefusesNewWorkReportsNotReadyAndCommitsEverythingQueuedFirst() throws Exception {
        HealthIndicator readiness = new LedgerConfiguration().ledgerHealthIndicator(batcher);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
        stalling.stall();
        CompletableFuture<List<TransferResult>> inFlight = batcher.submit(List.of(transfer(1)));
        assertThat(stalling.awaitStalled()).isTrue();
        List<CompletableFuture<List<TransferResult>>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(batcher.submit(List.of(transfer(1))));
        }

        Thread stopping = Thread.ofPlatform().start(batcher::stop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batcher.isAccepting()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(readiness.health().getDetails()).containsEntry("queuedTransfers", 5);
        assertThatThrownBy(() -> batcher.submit(List.of(transfer(1)))).isInstanceOf(LedgerBusyException.class);
        Thread.sleep(200);
        assertThat(stopping.isAlive()).as("stop waits for the queue").isTrue();
        assertThat(queued).noneMatch(CompletableFuture::isDone);

        stalling.release();
        stopping.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(stopping.isAlive()).isFalse();
        assertThat(inFlight.get(1, TimeUnit.SECONDS)).containsExactly(TransferResult.OK);
        for (CompletableFuture<List<TransferResult>> f : queued) {
            assertThat(f.get(1, TimeUnit.SECONDS)).containsExactly(TransferResult.OK);
        }
        assertThat(new JdbcTemplate(pool).queryForObject("select credits_posted from ledger_accounts where id = ?",
                Long.class, b.value())).isEqualTo(6);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void aDrainThatOutlastsItsShutdownPhaseAnswersWhatIsLeftBusyAndAcknowledgesNothingItDidNotCommit() throws Exception {
        batcher.stop();
        batcher = batcher(Duration.ofMillis(300));
        batcher.start();
        stalling.stall();
        CompletableFuture<List<TransferResult>> inFlight = batcher.submit(List.of(transfer(1)));
        assertThat(stalling.awaitStalled()).isTrue(); // the database does not answer: the queue cannot drain
        List<CompletableFuture<List<TransferResult>>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(batcher.submit(List.of(transfer(1))));
        }

        long started = System.nanoTime();
        batcher.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("stop keeps to its phase")
                .isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
        for (CompletableFuture<List<TransferResult>> f : queued) {
            assertThatThrownBy(() -> f.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(LedgerBusyException.class);
        }
        assertThat(inFlight).isNotDone();

        // the batch the writer had taken still commits when the database answers; the refused ones never do
        stalling.release();
        assertThat(inFlight.get(30, TimeUnit.SECONDS)).containsExactly(TransferResult.OK);
        assertThat(new JdbcTemplate(pool).queryForObject("select credits_posted from ledger_accounts where id = ?",
                Long.class, b.value())).isEqualTo(1);
    }

    /** A data source whose connections can be held back, to stall the writer mid-batch. */
    static final class StallingDataSource implements DataSource {
        private final DataSource delegate;
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private final CountDownLatch stalled = new CountDownLatch(1);

        StallingDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        void stall() {
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        boolean awaitStalled() throws InterruptedException {
            return stalled.await(10, TimeUnit.SECONDS);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (gate.getCount() > 0) {
                stalled.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return delegate.isWrapperFor(iface);
        }
    }

}
