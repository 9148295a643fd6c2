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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * 1,000 idempotency keys, each sent by 20 concurrent identical requests over real HTTP, then replayed
 * and retried with a changed amount: exactly one payment and one ledger hold per key, every success the
 * same bytes, 409 only while the first is in flight, 422 for the changed body, never a 5xx. (The rate
 * limiter is switched off: this test is about idempotency, not about throttling one address.)
 */
@ApplicationTest
@TestPropertySource(properties = "finbridge.http.rate-limit.enabled=false")
class DuplicateRequestStormTest {

    static final int KEYS = 1_000;
    static final int COPIES = 20;
    static final int MERCHANTS = 10;
    static final int KEYS_IN_FLIGHT = 8;

    @LocalServerPort
    int port;
    @Autowired
    Parties parties;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyKeyHasExactlyOneEffectAndIdenticalReplays() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        List<PartyId> merchants = new ArrayList<>();
        List<PaymentsHttp> clients = new ArrayList<>();
        for (int m = 0; m < MERCHANTS; m++) {
            PartyId merchant = fixtures.merchant("DE");
            merchants.add(merchant);
            clients.add(new PaymentsHttp(port, PaymentsHttp.issueKey(apiKeys, merchant, ApiScope.PAYMENTS_WRITE)));
        }
        String run = Long.toHexString(System.nanoTime());
        Map<Integer, Long> statusCounts = new ConcurrentHashMap<>();
        AtomicLong expectedHeld = new AtomicLong();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(KEYS_IN_FLIGHT);
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> keys = new ArrayList<>();
            for (int k = 0; k < KEYS; k++) {
                int n = k;
                inFlight.acquire();
                keys.add(pool.submit(() -> {
                    try {
                        PaymentsHttp client = clients.get(n % MERCHANTS);
                        long amount = 1_000 + n;
                        String key = run + "-" + n;
                        String body = cardPayment(amount, "EUR", PaymentFixtures.VISA_OK, "storm-" + key, "MANUAL");
                        List<PaymentsHttp.Response> answers = storm(pool, client, key, body);
                        answers.add(client.post("/api/v1/payments", key, body));
                        PaymentsHttp.Response changed = client.post("/api/v1/payments", key,
                                cardPayment(amount + 1, "EUR", PaymentFixtures.VISA_OK, "storm-" + key, "MANUAL"));
                        check(key, answers, changed, problems, statusCounts);
                        expectedHeld.addAndGet(amount);
                    } catch (Exception e) {
                        problems.add(n + ": " + e);
                    } finally {
                        inFlight.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : keys) {
                f.get(120, TimeUnit.SECONDS);
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(problems).as("per-key problems").isEmpty();
        assertThat(statusCounts.keySet()).as("statuses seen " + statusCounts).allMatch(s -> s == 201 || s == 409 || s == 422);
        assertThat(jdbc.sql("select count(*) from payments where order_reference like :p").param("p", "storm-" + run + "-%")
                .query(Long.class).single()).isEqualTo(KEYS);
        assertThat(jdbc.sql("select count(*) from ledger_transfers where code = 'PAYMENT_AUTHORIZATION'")
                .query(Long.class).single()).isEqualTo(KEYS);
        long held = merchants.stream()
                .mapToLong(m -> fixtures.merchantAccount(m, "MERCHANT_PENDING", "EUR").creditsPending()).sum();
        assertThat(held).isEqualTo(expectedHeld.get());
        System.out.println("duplicate-request storm: " + KEYS + " keys x " + COPIES + " in " + seconds + " s, statuses "
                + statusCounts);
    }

    /** Twenty identical requests released at once. */
    private static List<PaymentsHttp.Response> storm(ExecutorService pool, PaymentsHttp client, String key, String body)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PaymentsHttp.Response>> copies = new ArrayList<>();
        for (int c = 0; c < COPIES; c++) {
            copies.add(pool.submit(() -> {
                start.await();
                return client.post("/api/v1/payments", key, body);
            }));
        }
        start.countDown();
        List<PaymentsHttp.Response> answers = new ArrayList<>();
        for (Future<PaymentsHttp.Response> f : copies) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static void check(String key, List<PaymentsHttp.Response> answers, PaymentsHttp.Response changed,
                              List<String> problems, Map<Integer, Long> statusCounts) {
        byte[] first = null;
        for (PaymentsHttp.Response r : answers) {
            statusCounts.merge(r.status(), 1L, Long::sum);
            if (r.status() == 201) {
                if (first == null) {
                    first = r.bytes();
                } else if (!Arrays.equals(first, r.bytes())) {
                    problems.add(key + ": a replay differs from the first answer");
                }
            } else if (r.status() != 409 || !"IDEMPOTENCY_KEY_IN_USE".equals(r.code())) {
                problems.add(key + ": unexpected " + r.status() + " " + r.body());
            }
        }
        PaymentsHttp.Response last = answers.get(answers.size() - 1);
        if (last.status() != 201 || last.raw().headers().firstValue("Idempotent-Replayed").isEmpty()) {
            problems.add(key + ": the replay after the storm was " + last.status());
        }
        statusCounts.merge(changed.status(), 1L, Long::sum);
        if (changed.status() != 422 || !"IDEMPOTENCY_KEY_REUSED".equals(changed.code())) {
            problems.add(key + ": a changed amount answered " + changed.status() + " " + changed.body());
        }
    }
}
