package org.finbridge.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.finbridge.payments.PaymentsHttp.cardPayment;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The payments API over real HTTP, as a merchant's server and the platform's operators use it. */
@ApplicationTest
class PaymentApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Parties parties;
    @Autowired
    ApiKeys keys;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdempotentRequests idempotency;
    @Autowired
    Payments payments;
    @Autowired
    org.finbridge.support.MutableClock clock;
    @Autowired
    org.finbridge.ledger.LedgerInvariants invariants;

    PaymentFixtures fixtures;
    PartyId merchant;
    PaymentsHttp api;
    PaymentsHttp operator;

    @BeforeEach
    void setUp() {
        fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        merchant = fixtures.merchant("DE");
        api = new PaymentsHttp(port, PaymentsHttp.issueKey(keys, merchant, ApiScope.PAYMENTS_READ, ApiScope.PAYMENTS_WRITE));
        operator = new PaymentsHttp(port, PaymentsHttp.issueKey(keys, fixtures.operatorParty(), ApiScope.PAYMENTS_READ,
                ApiScope.PAYMENTS_WRITE));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private String authorized(long amount) {
        var r = api.post("/api/v1/payments", key(), cardPayment(amount, "EUR", "4242 4242 4242 4242", "o-" + key(), "MANUAL"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.field("state")).isEqualTo("AUTHORIZED");
        return r.field("id");
    }

    @Test
    void aMerchantAuthorizesCapturesInPartsAndRefundsACard() {
        String id = authorized(10_000);
        var view = api.get("/api/v1/payments/" + id).json();
        assertThat(view.get("method").get("card").get("bin").asString()).isEqualTo("424242");
        assertThat(view.get("method").get("card").get("last4").asString()).isEqualTo("4242");
        assertThat(view.get("method").get("card").toString()).doesNotContain("4242424242424242");

        String captureKey = key();
        var first = api.post("/api/v1/payments/" + id + "/capture", captureKey, Map.of("amount", 4_000));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.field("state")).isEqualTo("PARTIALLY_CAPTURED");
        var replay = api.post("/api/v1/payments/" + id + "/capture", captureKey, Map.of("amount", 4_000));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.bytes()).isEqualTo(first.bytes());
        assertThat(replay.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
        var reused = api.post("/api/v1/payments/" + id + "/capture", captureKey, Map.of("amount", 4_001));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        var rest = api.post("/api/v1/payments/" + id + "/capture", key(), Map.of());
        assertThat(rest.field("state")).isEqualTo("CAPTURED");
        assertThat(rest.json().get("captured").asLong()).isEqualTo(10_000);
        var refund = api.post("/api/v1/payments/" + id + "/refunds", key(), Map.of("amount", 2_500));
        assertThat(refund.field("state")).isEqualTo("PARTIALLY_REFUNDED");
        var tooMuch = api.post("/api/v1/payments/" + id + "/refunds", key(), Map.of("amount", 7_501));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR").creditsPosted()).isEqualTo(10_000);
    }

    @Test
    void moneyMovingRequestsNeedAnIdempotencyKey() {
        String id = authorized(1_000);
        var r = api.post("/api/v1/payments/" + id + "/capture", null, Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(api.post("/api/v1/payments", null, cardPayment(1_000, "EUR", PaymentFixtures.VISA_OK, "o-1", "MANUAL"))
                .code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void aDeclineIsAPaymentRequiredProblemWithTheIssuersCode() {
        var r = api.post("/api/v1/payments", key(), cardPayment(1_000, "EUR", "4000000000000002", "o-" + key(), "MANUAL"));
        assertThat(r.status()).isEqualTo(402);
        assertThat(r.code()).isEqualTo("PAYMENT_DECLINED");
        assertThat(r.field("declineCode")).isEqualTo("DO_NOT_HONOUR");
        assertThat(r.json().get("soft").asBoolean()).isTrue();
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsWritten() {
        String id = authorized(5_000);
        // this merchant's rows only: other test classes on the same database may still be finishing theirs
        long payments = merchantRows("payments");
        long steps = merchantRows("payment_operations");
        var pending = fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR");

        var luhn = api.post("/api/v1/payments", key(), cardPayment(1_000, "EUR", "4242424242424241", "o-x", "MANUAL"));
        assertThat(luhn.status()).isEqualTo(400);
        assertThat(luhn.body()).contains("Luhn").doesNotContain("4242424242424241");
        var shortVisa = api.post("/api/v1/payments", key(), cardPayment(1_000, "EUR", "42424242424242", "o-x", "MANUAL"));
        assertThat(shortVisa.status()).isEqualTo(400);
        var currency = api.post("/api/v1/payments", key(), cardPayment(1_000, "ZZZ", PaymentFixtures.VISA_OK, "o-x", "MANUAL"));
        assertThat(currency.status()).isEqualTo(400);
        assertThat(currency.code()).isEqualTo("CURRENCY_UNKNOWN");
        var negative = api.post("/api/v1/payments", key(), cardPayment(-5, "EUR", PaymentFixtures.VISA_OK, "o-x", "MANUAL"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.code()).isEqualTo("INVALID_FIELD");
        var overCapture = api.post("/api/v1/payments/" + id + "/capture", key(), Map.of("amount", 5_001));
        assertThat(overCapture.status()).isEqualTo(422);
        assertThat(overCapture.code()).isEqualTo("CAPTURE_EXCEEDS_AUTHORIZED");
        var negativeCapture = api.post("/api/v1/payments/" + id + "/capture", key(), Map.of("amount", -1));
        assertThat(negativeCapture.status()).isEqualTo(422);

        PartyId other = fixtures.merchant("FR");
        var stranger = new PaymentsHttp(port, PaymentsHttp.issueKey(keys, other, ApiScope.PAYMENTS_READ, ApiScope.PAYMENTS_WRITE));
        assertThat(stranger.get("/api/v1/payments/" + id).status()).isEqualTo(404);
        var foreign = stranger.post("/api/v1/payments/" + id + "/capture", key(), Map.of());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(stranger.get("/api/v1/payments/pay_not-an-id").status()).isEqualTo(404);
        var forOther = stranger.post("/api/v1/payments", key(), cardPayment(1_000, "EUR", PaymentFixtures.VISA_OK, "o", "MANUAL")
                .replace("{\"amount\"", "{\"merchantId\":\"" + merchant + "\",\"amount\""));
        assertThat(forOther.status()).isEqualTo(404);

        assertThat(merchantRows("payments")).isEqualTo(payments);
        assertThat(merchantRows("payment_operations")).isEqualTo(steps);
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR")).isEqualTo(pending);
        assertThat(pending.creditsPending()).isEqualTo(5_000);
    }

    @Test
    void aBuyerPaysByBankTransferAndStablecoinThroughTheApi() {
        var transfer = api.post("/api/v1/payments", key(), Map.of("amount", 50_000, "currency", "EUR", "orderReference", "o-bt",
                "method", Map.of("type", "BANK_TRANSFER"), "confirm", true));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        assertThat(transfer.json().get("nextAction").get("type").asString()).isEqualTo("bank_transfer");
        String id = transfer.field("id");
        var paid = operator.post("/api/v1/payments/" + id + "/simulate", key(), Map.of("paid", true));
        assertThat(paid.field("state")).isEqualTo("CAPTURED");

        var usdc = api.post("/api/v1/payments", key(), Map.of("amount", 2_000, "currency", "USD", "orderReference", "o-usdc",
                "method", Map.of("type", "USDC", "chain", "POLYGON"), "confirm", true));
        assertThat(usdc.json().get("nextAction").get("confirmationsRequired").asInt()).isEqualTo(128);
        String usdcId = usdc.field("id");
        assertThat(operator.post("/api/v1/payments/" + usdcId + "/simulate", key(), Map.of("confirmations", 100))
                .field("state")).isEqualTo("PROCESSING");
        assertThat(operator.post("/api/v1/payments/" + usdcId + "/simulate", key(), Map.of("confirmations", 128))
                .field("state")).isEqualTo("CAPTURED");
        // a merchant cannot play the buyer
        assertThat(api.post("/api/v1/payments/" + usdcId + "/dispute", key(), Map.of("amount", 1)).status()).isIn(403, 404);
    }

    @Test
    void idempotencyKeysAreKeptForADayAndThenPurged() {
        String key = key();
        String body = cardPayment(700, "EUR", PaymentFixtures.VISA_OK, "o-" + key, "MANUAL");
        var first = api.post("/api/v1/payments", key, body);
        assertThat(first.status()).isEqualTo(201);
        clock.advance(java.time.Duration.ofHours(23));
        idempotency.purgeExpired();
        assertThat(api.post("/api/v1/payments", key, body).bytes()).isEqualTo(first.bytes());
        clock.advance(java.time.Duration.ofHours(2));
        assertThat(idempotency.purgeExpired()).isPositive();
        var again = api.post("/api/v1/payments", key, body.replace("700", "701"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.field("id")).isNotEqualTo(first.field("id"));
    }

    /**
     * The node running a request died after committing its work and before storing the response: the key
     * stays in flight until its lease ends, then the client's retry takes it over. The retry must find the
     * payment and the capture that request made, not authorize or capture a second time.
     */
    @Test
    void aRetryAfterTheNodeDiedWithTheKeyInFlightFindsTheRequestsWorkAndDoesNotRepeatIt() {
        String createKey = key();
        String body = cardPayment(9_000, "EUR", PaymentFixtures.VISA_OK, "o-" + createKey, "MANUAL");
        var created = api.post("/api/v1/payments", createKey, body);
        assertThat(created.status()).isEqualTo(201);
        String id = created.field("id");
        diedBeforeAnswering(createKey);

        var retried = api.post("/api/v1/payments", createKey, body);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.field("id")).isEqualTo(id);
        assertThat(retried.field("state")).isEqualTo("AUTHORIZED");
        assertThat(jdbc.sql("select count(*) from payments where order_reference = ?").param("o-" + createKey)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR").creditsPending()).isEqualTo(9_000);

        String captureKey = key();
        var captured = api.post("/api/v1/payments/" + id + "/capture", captureKey, Map.of("amount", 4_000));
        assertThat(captured.field("state")).isEqualTo("PARTIALLY_CAPTURED");
        diedBeforeAnswering(captureKey);
        var again = api.post("/api/v1/payments/" + id + "/capture", captureKey, Map.of("amount", 4_000));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("captured").asLong()).isEqualTo(4_000);
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR").creditsPosted()).isEqualTo(4_000);
        // the stored answer of the retry is what later replays get
        assertThat(api.post("/api/v1/payments/" + id + "/capture", captureKey, Map.of("amount", 4_000)).bytes())
                .isEqualTo(again.bytes());
        assertThat(invariants.sweep().violations()).isEmpty();
    }

    /**
     * The request committed its work, then failed before answering (a server error, e.g. the pool ran dry
     * while the response was built). The client retries with the same key at once: the retry must answer
     * the payment that was made, not authorize a second one; and a capture likewise.
     */
    @Test
    void aRetryAfterAServerErrorFindsWhatTheFailedAttemptCommittedAndDoesNotRepeatIt() {
        Actor actor = PaymentFixtures.merchantActor(merchant);
        NewPayment order = PaymentFixtures.payment(merchant, 7_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.MANUAL, "FR");
        String client = "client-" + key();
        String createKey = key();
        Supplier<ResponseEntity<?>> create = () -> ResponseEntity.status(201)
                .body(Map.of("id", PaymentFixtures.done(payments.create(actor, order)).id().toString()));
        assertThatThrownBy(() -> idempotency.execute(client, createKey, true, "POST /api/v1/payments", Map.of("order", order.orderReference()), () -> {
            create.get();
            throw new IllegalStateException("the answer failed after the payment committed");
        })).isInstanceOf(IllegalStateException.class);
        String first = paymentOf(order);

        var retried = idempotency.execute(client, createKey, true, "POST /api/v1/payments", Map.of("order", order.orderReference()), create);
        assertThat(retried.getStatusCode().value()).isEqualTo(201);
        assertThat(new String(retried.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains(first);
        assertThat(paymentOf(order)).isEqualTo(first);

        PaymentId id = PaymentId.parse(first);
        String captureKey = key();
        Supplier<ResponseEntity<?>> capture = () -> ResponseEntity.ok(Map.of("captured",
                PaymentFixtures.done(payments.capture(actor, id, 3_000L, false)).captured()));
        var failed = idempotency.execute(client, captureKey, true, "POST capture", Map.of("amount", 3_000), () -> {
            capture.get();
            return ResponseEntity.status(503).build();
        });
        assertThat(failed.getStatusCode().value()).isEqualTo(503);
        var again = idempotency.execute(client, captureKey, true, "POST capture", Map.of("amount", 3_000), capture);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR").creditsPosted()).isEqualTo(3_000);
        // a retry must be the same request: the key stays bound to the one that failed
        assertThat(idempotency.execute(client, captureKey, true, "POST capture", Map.of("amount", 4_000), capture)
                .getStatusCode().value()).isEqualTo(422);
        assertThat(invariants.sweep().violations()).isEmpty();
    }

    private String paymentOf(NewPayment order) {
        return jdbc.sql("select cast(id as varchar(36)) from payments where order_reference = ?").param(order.orderReference())
                .query(String.class).list().stream().reduce((a, b) -> { throw new AssertionError("two payments for one order"); })
                .map(uuid -> new PaymentId(UUID.fromString(uuid)).toString()).orElseThrow();
    }

    /** What a node that dies between commit and answer leaves: the key in flight, its lease over. */
    private void diedBeforeAnswering(String key) {
        assertThat(jdbc.sql("""
                update idempotency_keys set status = 'IN_FLIGHT', response_status = null, response_content_type = null,
                    response_location = null, response_body = null, completed_at = null, locked_until = ?
                where idem_key = ?""").param(java.time.OffsetDateTime.ofInstant(clock.instant().minusSeconds(60),
                java.time.ZoneOffset.UTC)).param(key).update()).isEqualTo(1);
    }

    /** Rows of the payments of this test's merchant (payments, or a table keyed by payment_id). */
    private long merchantRows(String table) {
        String where = table.equals("payments") ? "merchant_id = :m"
                : "payment_id in (select id from payments where merchant_id = :m)";
        return jdbc.sql("select count(*) from " + table + " where " + where).param("m", merchant.value()).query(Long.class).single();
    }
}
