package org.finbridge.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.finbridge.payments.PaymentsHttp.cardPayment;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.finbridge.FinbridgeApplication;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 §2, the hard way: two application nodes on one database, one of them a process of its own that is
 * killed (SIGKILL: no shutdown hook, no draining of its ledger batcher, requests cut mid-flight) while
 * payments flow through both. Clients retry what did not answer, with the same idempotency key, on the node
 * that is still up; keys the dead node held in flight are taken over once their lease ends. In the end every
 * request was acknowledged exactly once: one payment per key, every authorization held once in the ledger,
 * and the invariant sweep clean.
 */
@DatabaseTest
class NodeKilledUnderTrafficTest {

    static final int REQUESTS = 240;
    /** How long a dead node's keys stay in flight: short here, so the takeover is part of the test. */
    static final Duration LEASE = Duration.ofSeconds(4);

    private ConfigurableApplicationContext survivor;
    private Process doomed;

    @AfterEach
    void stop() throws InterruptedException {
        if (doomed != null) {
            doomed.destroyForcibly().waitFor();
        }
        if (survivor != null) {
            survivor.close();
        }
    }

    @Test
    void aNodeKilledMidTrafficLosesAndDoublesNothingItsClientsWereToldOrRetried() throws Exception {
        // the embedded H2 file opens in one process at a time: nodes of their own share PostgreSQL, as deployed
        assumeThat(TestDatabase.isPostgresRun()).as("two processes on one database need PostgreSQL").isTrue();
        TestDatabase.Fresh db = TestDatabase.freshShared("pay_node_killed");
        // the surviving node runs in this JVM on the system clock, as the killed node does in its own
        survivor = new SpringApplicationBuilder(FinbridgeApplication.class).run(nodeArguments(db, 0).toArray(String[]::new));
        Path log = Files.createTempFile("finbridge-killed-node", ".log");
        int doomedPort = freePort();
        doomed = startProcess(db, doomedPort, log);

        PaymentFixtures fixtures = new PaymentFixtures(survivor.getBean(Parties.class), survivor.getBean(Ledger.class),
                survivor.getBean(CardTokenizer.class));
        PartyId merchant = fixtures.merchant("DE");
        String key = PaymentsHttp.issueKey(survivor.getBean(ApiKeys.class), merchant, ApiScope.PAYMENTS_WRITE,
                ApiScope.PAYMENTS_READ);
        PaymentsHttp onSurvivor = new PaymentsHttp(((WebServerApplicationContext) survivor).getWebServer().getPort(), key);
        PaymentsHttp onDoomed = new PaymentsHttp(doomedPort, key);
        awaitReady(onDoomed, log);
        JdbcClient jdbc = survivor.getBean(JdbcClient.class);
        String run = Long.toHexString(System.nanoTime());

        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicLong expectedHeld = new AtomicLong();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger cutOff = new AtomicInteger();
        AtomicInteger waitedForLease = new AtomicInteger();
        AtomicLong killedAt = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                all.add(pool.submit(() -> {
                    String idem = run + "-" + n;
                    long amount = 1_000 + n;
                    expectedHeld.addAndGet(amount);
                    String body = cardPayment(amount, "EUR", PaymentFixtures.VISA_OK, "kill-" + idem, "MANUAL");
                    if (sent.incrementAndGet() == REQUESTS / 3) {
                        killedAt.set(System.nanoTime());
                        doomed.destroyForcibly(); // SIGKILL, mid-traffic
                    }
                    PaymentsHttp.Response r = null;
                    if (n % 2 == 1) {
                        try {
                            r = onDoomed.post("/api/v1/payments", idem, body);
                        } catch (RuntimeException nodeGone) {
                            cutOff.incrementAndGet();
                        }
                    } else {
                        r = onSurvivor.post("/api/v1/payments", idem, body);
                    }
                    // the client's retries with the same key on the node still up: a key the dead node held is
                    // answered 409 (in flight) until its lease ends, then taken over and carried on
                    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    boolean waited = false;
                    while ((r == null || r.status() == 409 || r.status() >= 500) && System.nanoTime() < giveUp) {
                        if (r != null && r.status() == 409) {
                            waited = true;
                            sleep(250);
                        }
                        r = onSurvivor.post("/api/v1/payments", idem, body);
                    }
                    if (waited) {
                        waitedForLease.incrementAndGet();
                    }
                    if (r.status() == 201) {
                        acknowledged.put(idem, r.field("id"));
                    } else {
                        problems.add(idem + ": " + r.status() + " " + r.body());
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get(180, TimeUnit.SECONDS);
            }
        }
        assertThat(doomed.isAlive()).isFalse();
        assertThat(problems).as("every request answered 201 in the end, within 30 s of the kill").isEmpty();
        assertThat(acknowledged).hasSize(REQUESTS);
        assertThat(cutOff.get()).as("requests found the killed node gone").isPositive();

        // one payment per key, the acknowledged one, authorized; each authorization held once
        Map<String, String> stored = new ConcurrentHashMap<>();
        jdbc.sql("select order_reference, id, state from payments where order_reference like ?").param("kill-" + run + "-%")
                .query(rs -> {
                    String previous = stored.put(rs.getString("order_reference").substring("kill-".length()),
                            new PaymentId(rs.getObject("id", java.util.UUID.class)) + " " + rs.getString("state"));
                    assertThat(previous).as("a second payment for " + rs.getString("order_reference")).isNull();
                });
        assertThat(stored).hasSize(REQUESTS);
        acknowledged.forEach((idem, id) -> assertThat(stored.get(idem)).as(idem).isEqualTo(id + " AUTHORIZED"));
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR").creditsPending())
                .as("every acknowledged authorization is held once, none twice").isEqualTo(expectedHeld.get());
        LedgerInvariants.Report report = survivor.getBean(LedgerInvariants.class).sweep();
        assertThat(report.violations()).as(report.toString()).isEmpty();
        System.out.println("node killed: " + cutOff.get() + " requests cut off, " + waitedForLease.get()
                + " waited for a dead node's lease; the last answer came "
                + Duration.ofNanos(System.nanoTime() - killedAt.get()).toMillis() + " ms after the kill");
    }

    private static List<String> nodeArguments(TestDatabase.Fresh db, int port) {
        List<String> args = new ArrayList<>(List.of(db.springArguments()));
        args.addAll(List.of("--server.port=" + port, "--finbridge.scheduling.enabled=false",
                "--finbridge.connectors.http.enabled=false", "--finbridge.risk.fraud.mode=SHADOW",
                "--finbridge.http.rate-limit.enabled=false", "--finbridge.payments.idempotency-lease=" + LEASE.toSeconds() + "s",
                "--logging.level.org.finbridge=WARN", "--spring.main.banner-mode=off"));
        return args;
    }

    private static Process startProcess(TestDatabase.Fresh db, int port, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), FinbridgeApplication.class.getName()));
        cmd.addAll(nodeArguments(db, port));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitReady(PaymentsHttp node, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            if (!doomed.isAlive()) {
                throw new AssertionError("the second node exited during start-up:\n" + Files.readString(log));
            }
            try {
                if (node.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the second node did not start within 300 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
