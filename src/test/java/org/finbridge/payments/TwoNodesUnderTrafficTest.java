package org.finbridge.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentsHttp.cardPayment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.finbridge.support.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one database, traffic through both (issue 11 §2): an idempotency key sent to
 * both nodes at once has one effect and the same answer everywhere, each node's ledger batcher keeps the
 * invariants, and when one node stops in the middle of the traffic every payment it acknowledged is in
 * the ledger, and the clients' retries on the other node (same key) neither lose nor double anything.
 */
@DatabaseTest
class TwoNodesUnderTrafficTest {

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoNodes() {
        TestDatabase.Fresh db = TestDatabase.freshShared("pay_two_nodes");
        a = node(db);
        b = node(db);
    }

    static ConfigurableApplicationContext node(TestDatabase.Fresh db) {
        return TestNodes.start(db, true, List.of("--finbridge.http.rate-limit.enabled=false"));
    }

    static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
            if (c != null && c.isActive()) {
                c.close();
            }
        }
    }

    @Test
    void keysHoldAcrossNodesAndAStoppedNodeLosesNothingItAcknowledged() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(a.getBean(Parties.class), a.getBean(Ledger.class),
                a.getBean(CardTokenizer.class));
        PartyId merchant = fixtures.merchant("DE");
        String key = PaymentsHttp.issueKey(a.getBean(ApiKeys.class), merchant, ApiScope.PAYMENTS_WRITE, ApiScope.PAYMENTS_READ);
        PaymentsHttp onA = new PaymentsHttp(port(a), key);
        PaymentsHttp onB = new PaymentsHttp(port(b), key);
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        String run = Long.toHexString(System.nanoTime());
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

        // 1. the same key sent to both nodes at once: one payment, the same bytes from both nodes
        int keys = 60;
        long expectedHeld = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int k = 0; k < keys; k++) {
                String idem = run + "-both-" + k;
                long amount = 500 + k;
                expectedHeld += amount;
                String body = cardPayment(amount, "EUR", PaymentFixtures.VISA_OK, "two-" + idem, "MANUAL");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<PaymentsHttp.Response>> copies = new ArrayList<>();
                for (int c = 0; c < 6; c++) {
                    PaymentsHttp client = c % 2 == 0 ? onA : onB;
                    copies.add(pool.submit(() -> {
                        start.await();
                        return client.post("/api/v1/payments", idem, body);
                    }));
                }
                start.countDown();
                byte[] first = null;
                for (Future<PaymentsHttp.Response> f : copies) {
                    PaymentsHttp.Response r = f.get(60, TimeUnit.SECONDS);
                    if (r.status() == 201) {
                        if (first == null) {
                            first = r.bytes();
                        } else if (!Arrays.equals(first, r.bytes())) {
                            problems.add(idem + ": nodes answered differently");
                        }
                    } else if (r.status() != 409) {
                        problems.add(idem + ": " + r.status() + " " + r.body());
                    }
                }
                PaymentsHttp.Response replayOnB = onB.post("/api/v1/payments", idem, body);
                PaymentsHttp.Response replayOnA = onA.post("/api/v1/payments", idem, body);
                if (replayOnA.status() != 201 || replayOnB.status() != 201 || !Arrays.equals(replayOnA.bytes(), replayOnB.bytes())) {
                    problems.add(idem + ": replays differ between nodes");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(jdbc.sql("select count(*) from payments where order_reference like ?").param("two-" + run + "-both-%")
                .query(Long.class).single()).isEqualTo(keys);

        // 2. traffic through both nodes; node B stops in the middle; what failed is retried on A
        int requests = 300;
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Long> amounts = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failedOnB = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                all.add(pool.submit(() -> {
                    String idem = run + "-stop-" + n;
                    long amount = 2_000 + n;
                    amounts.put(idem, amount);
                    String body = cardPayment(amount, "EUR", PaymentFixtures.VISA_OK, "two-" + idem, "MANUAL");
                    if (sent.incrementAndGet() == requests / 3) {
                        new Thread(() -> b.close()).start();
                    }
                    PaymentsHttp.Response r = null;
                    if (n % 2 == 1) {
                        try {
                            r = onB.post("/api/v1/payments", idem, body);
                        } catch (RuntimeException nodeGone) {
                            failedOnB.incrementAndGet();
                        }
                    } else {
                        r = onA.post("/api/v1/payments", idem, body);
                    }
                    if (r == null || r.status() >= 500) {
                        // the client's retry with the same key, on the node that is still up
                        r = onA.post("/api/v1/payments", idem, body);
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
                f.get(120, TimeUnit.SECONDS);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(b.isActive()).isFalse();
        assertThat(acknowledged).hasSize(requests);
        for (Map.Entry<String, String> e : acknowledged.entrySet()) {
            assertThat(jdbc.sql("select count(*) from payments where order_reference = ?").param("two-" + e.getKey())
                    .query(Long.class).single()).as(e.getKey()).isEqualTo(1);
        }
        expectedHeld += amounts.values().stream().mapToLong(Long::longValue).sum();
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR").creditsPending())
                .as("every acknowledged authorization is held once").isEqualTo(expectedHeld);
        LedgerInvariants.Report report = a.getBean(LedgerInvariants.class).sweep();
        assertThat(report.violations()).isEmpty();
        System.out.println("two nodes: " + failedOnB.get() + " requests found node B gone and were retried on A");
    }
}
