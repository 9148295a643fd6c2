package org.finbridge.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerBusyException;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.ledger.NewAccount;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.CurrencyCode;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.finbridge.support.TestNodes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node shut down (as SIGTERM does: the context closes) while the ledger writer is inside a batch and
 * more transfers wait behind it: from the first moment the node reports itself not ready and refuses new
 * transfers, and it finishes closing only after every queued transfer has been committed, before the
 * connection pool closes (docs/operations.md, "Health, readiness, shutdown").
 */
@DatabaseTest
class GracefulShutdownTest {

    @Test
    void aClosingNodeIsNotReadyRefusesNewTransfersAndCommitsEverythingQueued() throws Exception {
        TestDatabase.Fresh db = TestDatabase.freshShared("graceful");
        List<ReadinessState> readiness = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> watch = e -> {
            if (e instanceof AvailabilityChangeEvent<?> change && change.getState() instanceof ReadinessState state) {
                readiness.add(state);
            }
        };
        ConfigurableApplicationContext node = TestNodes.start(db, true, List.of(), watch);
        HikariDataSource outside = db.dataSource(2);
        Thread closing = null;
        try {
            Ledger ledger = node.getBean(Ledger.class);
            HealthEndpoint health = node.getBean(HealthEndpoint.class);
            MeterRegistry meters = node.getBean(MeterRegistry.class);
            TransferBatcher batcher = node.getBean(TransferBatcher.class);
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            assertThat(get(port, "/actuator/health/readiness")).isEqualTo(200);
            assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);

            AccountId from = open(ledger);
            AccountId to = open(ledger);
            // another session holds both accounts: the writer's next batch waits on their row locks
            Connection locker = outside.getConnection();
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement(
                    "select id from ledger_accounts where id in (?, ?) for update")) {
                lock.setObject(1, from.value());
                lock.setObject(2, to.value());
                lock.executeQuery().close();
            }
            List<CompletableFuture<List<TransferResult>>> answers = new ArrayList<>();
            answers.add(ledger.submitAsync(List.of(transfer(from, to))));
            awaitQueued(meters, 0); // the writer took it and is now waiting inside the batch
            for (int i = 0; i < 40; i++) {
                answers.add(ledger.submitAsync(List.of(transfer(from, to))));
            }
            assertThat(queued(meters)).isEqualTo(40);

            closing = Thread.ofPlatform().name("closing-node").start(node::close);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!readiness.contains(ReadinessState.REFUSING_TRAFFIC) || batcher.isAccepting()) {
                assertThat(System.nanoTime()).as("the node began to drain").isLessThan(deadline);
                Thread.sleep(10);
            }
            // draining: not ready for traffic, new transfers refused, nothing queued answered yet
            assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
            assertThatThrownBy(() -> ledger.submitAsync(List.of(transfer(from, to))))
                    .isInstanceOf(LedgerBusyException.class);
            Thread.sleep(300);
            assertThat(closing.isAlive()).as("the node waits for its ledger queue").isTrue();
            assertThat(answers).noneMatch(CompletableFuture::isDone);

            locker.rollback();
            locker.close();
            closing.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(closing.isAlive()).isFalse();
            for (CompletableFuture<List<TransferResult>> answer : answers) {
                assertThat(answer.get(1, TimeUnit.SECONDS)).containsExactly(TransferResult.OK);
            }
            assertThat(new JdbcTemplate(outside).queryForObject(
                    "select credits_posted from ledger_accounts where id = ?", Long.class, to.value())).isEqualTo(41);
            LedgerInvariants.Report report = InvariantSweep.over(outside).sweep();
            assertThat(report.violations()).as(report.toString()).isEmpty();
        } finally {
            if (closing == null) {
                node.close();
            }
            outside.close();
        }
    }

    private static AccountId open(Ledger ledger) {
        NewAccount account = NewAccount.of(CurrencyCode.of("EUR"), "BANK", "graceful-shutdown");
        assertThat(ledger.createAccount(account)).isEqualTo(AccountResult.OK);
        return account.id();
    }

    private static Transfer transfer(AccountId from, AccountId to) {
        return Transfer.posted(TransferId.next(), from, to, 1, "EUR", "TEST");
    }

    private static double queued(MeterRegistry meters) {
        return meters.get("finbridge.ledger.queue.transfers").gauge().value();
    }

    private static void awaitQueued(MeterRegistry meters, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (queued(meters) != expected) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
        Thread.sleep(200); // and has reached the locked rows
    }

    private static int get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
