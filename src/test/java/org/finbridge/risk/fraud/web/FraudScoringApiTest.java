package org.finbridge.risk.fraud.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.PaymentsHttp;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.risk.fraud.FraudMode;
import org.finbridge.risk.fraud.FraudModels;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Fraud scoring on real authorizations through the payments API, with decisions enforced: what a
 * merchant sees (authorized, challenged, blocked) and what the risk analyst sees (the decision with its
 * score, model version and reasons; the review queue; labels). Each test uses card numbers, devices and
 * addresses of its own, as the warm cache is shared by every test of this application.
 */
@ApplicationTest
class FraudScoringApiTest {

    static final String SHIPPED = "lr-20261127-20000";

    @LocalServerPort
    int port;
    @Autowired
    TestActors actors;
    @Autowired
    Parties parties;
    @Autowired
    ApiKeys keys;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    FraudMode mode;
    @Autowired
    FraudModels models;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Api analyst;
    PaymentsHttp merchant;
    PaymentsHttp payOps;
    PartyId merchantId;
    Actor operator;
    String run;

    @BeforeEach
    void setUp() {
        var fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        merchantId = fixtures.merchant("DE");
        merchant = new PaymentsHttp(port, PaymentsHttp.issueKey(keys, merchantId, ApiScope.PAYMENTS_READ, ApiScope.PAYMENTS_WRITE));
        PartyId ops = fixtures.operatorParty();
        payOps = new PaymentsHttp(port, PaymentsHttp.issueKey(keys, ops, ApiScope.PAYMENTS_READ, ApiScope.PAYMENTS_WRITE));
        analyst = actors.operator().api(port);
        operator = new Actor("test-fraud", "test:fraud", Actor.Channel.API_KEY, ops, PartyKind.OPERATOR, null,
                EnumSet.of(ApiScope.RISK_REVIEW));
        // a merchant onboarded a month ago: new merchants' payments are riskier, which is not what these tests are about
        clock.advance(Duration.ofDays(30));
        mode.switchTo(FraudMode.Mode.ENFORCE, operator);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        mode.switchTo(FraudMode.Mode.SHADOW, operator);
        models.activate(SHIPPED, operator);
    }

    /** A Luhn-valid Visa number of its own (a fresh BIN each time, so BIN countries never collide). */
    static String freshCard() {
        StringBuilder b = new StringBuilder("4");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 14; i++) {
            b.append(r.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int d = b.charAt(14 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return b.append((10 - sum % 10) % 10).toString();
    }

    String payment(long amount, String card, String email, String ip, String ipCountry, String device, String shipping,
                   String capture) {
        return PaymentsHttp.JSON.writeValueAsString(Map.of("amount", amount, "currency", "EUR", "orderReference", "o-" + UUID.randomUUID(),
                "buyer", Map.of("country", "DE", "email", email, "ipAddress", ip, "ipCountry", ipCountry, "deviceId", device,
                        "shippingCountry", shipping),
                "method", Map.of("type", "CARD", "card", Map.of("number", card, "expMonth", 12, "expYear", 2099, "cvc", "123")),
                "captureMethod", capture, "confirm", true));
    }

    PaymentsHttp.Response pay(long amount, String card, String device, String ip) {
        return merchant.post("/api/v1/payments", UUID.randomUUID().toString(),
                payment(amount, card, "buyer-" + run + "@mail.test", ip, "DE", device, "DE", "MANUAL"));
    }

    JsonNode decisionOf(String paymentId) {
        Api.Response r = analyst.get("/api/v1/risk/fraud/decisions?paymentId=" + paymentId);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        assertThat(r.body().size()).isEqualTo(1);
        return r.body().get(0);
    }

    static List<String> reasons(JsonNode decision) {
        return decision.get("reasons").valueStream().map(JsonNode::asString).toList();
    }

    /** A model that gives every payment the same score, with thresholds that make it the outcome wanted. */
    String constantModel(String outcome) {
        String version = "test-" + outcome.toLowerCase() + "-" + run;
        assertThat(models.register(modelText(version, 0, outcome), "test: constant score 0.5", true, operator))
                .isInstanceOf(FraudModels.Registered.class);
        return version;
    }

    static String modelText(String version, double bias, String outcome) {
        StringBuilder text = new StringBuilder("version=" + version + "\nbias=" + bias + "\n");
        text.append(switch (outcome) {
            case "REVIEW" -> "threshold.block=0.9\nthreshold.challenge=0.8\nthreshold.review=0.4\n";
            case "CHALLENGE" -> "threshold.block=0.9\nthreshold.challenge=0.4\nthreshold.review=0.3\n";
            default -> "threshold.block=0.4\nthreshold.challenge=0.3\nthreshold.review=0.2\n";
        });
        for (var f : org.finbridge.risk.fraud.internal.Feature.ALL) {
            text.append("w.").append(f.code()).append("=0\n");
        }
        text.append("report.test_attempts=10\nreport.test_frauds=1\nreport.auc=0.5\nreport.baseline_auc=0.5\n");
        return text.toString();
    }

    @Test
    void anOrdinaryPaymentIsAuthorizedAndItsDecisionIsStoredWithScoreAndModel() {
        var r = pay(4_500, freshCard(), "dev-" + run, "10.1.0.1");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.field("state")).isEqualTo("AUTHORIZED");
        JsonNode d = decisionOf(r.field("id"));
        assertThat(d.get("outcome").asString()).isEqualTo("ALLOW");
        assertThat(d.get("modelVersion").asString()).isEqualTo(SHIPPED);
        assertThat(d.get("score").asDouble()).isBetween(0.0, 0.11);
        assertThat(d.get("merchantId").asString()).isEqualTo(merchantId.toString());
        assertThat(d.get("review").asString()).isEqualTo("NONE");
        assertThat(analyst.get("/api/v1/risk/fraud/decisions/" + d.get("id").asString()).body().get("paymentId").asString())
                .isEqualTo(r.field("id"));
    }

    @Test
    void aBurstOfSmallAuthorizationsOnFreshCardsIsBlockedAsCardTesting() {
        String device = "bot-" + run;
        PaymentsHttp.Response last = null;
        for (int i = 0; i < 5; i++) {
            last = pay(100, freshCard(), device, "10.2.0." + (i + 1));
        }
        assertThat(last.status()).as(last.body()).isEqualTo(402);
        assertThat(last.code()).isEqualTo("PAYMENT_BLOCKED");
        assertThat(last.body()).doesNotContain("card_testing"); // the merchant is not told which rule: fraudsters read answers
        JsonNode d = decisionOf(last.json().get("paymentId").asString());
        assertThat(d.get("outcome").asString()).isEqualTo("BLOCK");
        assertThat(reasons(d)).contains("rule:card_testing");
        assertThat(merchant.get("/api/v1/payments/" + last.json().get("paymentId").asString()).field("declineCode"))
                .isEqualTo("BLOCKED_BY_RISK");
    }

    @Test
    void aChallengeAsksTheCardholderForThreeDSecureBeforeTheAuthorization() {
        String version = constantModel("CHALLENGE");
        var r = pay(4_500, freshCard(), "dev-" + run, "10.3.0.1");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.field("state")).isEqualTo("REQUIRES_ACTION");
        assertThat(r.json().get("nextAction").toString()).contains("/3ds");
        JsonNode d = decisionOf(r.field("id"));
        assertThat(d.get("outcome").asString()).isEqualTo("CHALLENGE");
        assertThat(d.get("modelVersion").asString()).isEqualTo(version);
        assertThat(d.get("score").asDouble()).isEqualTo(0.5);
        assertThat(reasons(d)).contains("model:score_high");
        var done = merchant.post("/api/v1/payments/" + r.field("id") + "/3ds", UUID.randomUUID().toString(),
                Map.of("authenticated", true));
        assertThat(done.field("state")).as(done.body()).isEqualTo("AUTHORIZED");
    }

    @Test
    void aPaymentInReviewIsAuthorizedQueuedAndAFraudVerdictBlocksTheDeviceNextTime() {
        constantModel("REVIEW");
        String device = "rev-" + run;
        var r = pay(4_500, freshCard(), device, "10.4.0.1");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.field("state")).isEqualTo("AUTHORIZED");
        JsonNode d = decisionOf(r.field("id"));
        assertThat(d.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(d.get("review").asString()).isEqualTo("OPEN");
        String id = d.get("id").asString();
        List<String> queued = analyst.get("/api/v1/risk/fraud/reviews?limit=500").body().valueStream()
                .map(n -> n.get("id").asString()).toList();
        assertThat(queued).contains(id);

        // bad verdicts change nothing
        var bad = analyst.post("/api/v1/risk/fraud/decisions/" + id + "/review", Map.of("verdict", "MAYBE"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("INVALID_FIELD");
        assertThat(analyst.post("/api/v1/risk/fraud/decisions/" + id + "/review", Map.of("verdict", "FRAUD", "note", "x".repeat(1001)))
                .status()).isEqualTo(400);
        assertThat(analyst.post("/api/v1/risk/fraud/decisions/frd_0000/review", Map.of("verdict", "FRAUD")).status()).isEqualTo(404);
        assertThat(decisionOf(r.field("id")).get("review").asString()).isEqualTo("OPEN");

        long audited = jdbc.sql("select count(*) from audit_trail where action = 'risk.fraud.review'").query(Long.class).single();
        var reviewed = analyst.post("/api/v1/risk/fraud/decisions/" + id + "/review", Map.of("verdict", "FRAUD", "note", "cardholder denies"));
        assertThat(reviewed.status()).as(String.valueOf(reviewed.body())).isEqualTo(200);
        assertThat(reviewed.body().get("label").asString()).isEqualTo("FRAUD");
        assertThat(reviewed.body().get("labelSource").asString()).isEqualTo("REVIEW");
        assertThat(reviewed.body().get("review").asString()).isEqualTo("REVIEWED");
        assertThat(jdbc.sql("select count(*) from audit_trail where action = 'risk.fraud.review'").query(Long.class).single())
                .isEqualTo(audited + 1);
        var again = analyst.post("/api/v1/risk/fraud/decisions/" + id + "/review", Map.of("verdict", "LEGITIMATE"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_REVIEWED");
        assertThat(analyst.get("/api/v1/risk/fraud/reviews?limit=500").body().valueStream()
                .map(n -> n.get("id").asString()).toList()).doesNotContain(id);

        // the confirmed fraud feeds back: another card from the same device is blocked by the rule
        models.activate(SHIPPED, operator);
        var next = pay(4_500, freshCard(), device, "10.4.0.2");
        assertThat(next.status()).as(next.body()).isEqualTo(402);
        assertThat(reasons(decisionOf(next.json().get("paymentId").asString()))).contains("rule:confirmed_fraud");
    }

    @Test
    void aLostChargebackLabelsTheDecisionFraudAndCountsInTheCardsHistory() {
        String card = freshCard();
        var r = merchant.post("/api/v1/payments", UUID.randomUUID().toString(),
                payment(6_000, card, "cb-" + run + "@mail.test", "10.5.0.1", "DE", "cb-" + run, "DE", "AUTOMATIC"));
        assertThat(r.field("state")).as(r.body()).isEqualTo("CAPTURED");
        String id = r.field("id");
        assertThat(payOps.post("/api/v1/payments/" + id + "/dispute", UUID.randomUUID().toString(),
                Map.of("amount", 6_000, "reason", "fraudulent")).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from fraud_decisions where payment_id = :p and disputed_at is not null")
                .param("p", org.finbridge.payments.PaymentId.parse(id).value()).query(Long.class).single()).isEqualTo(1);
        assertThat(payOps.post("/api/v1/payments/" + id + "/dispute/close", UUID.randomUUID().toString(),
                Map.of("outcome", "LOST")).status()).isEqualTo(200);
        JsonNode d = decisionOf(id);
        assertThat(d.get("label").asString()).isEqualTo("FRAUD");
        assertThat(d.get("labelSource").asString()).isEqualTo("CHARGEBACK");

        clock.advance(Duration.ofDays(2));
        var next = merchant.post("/api/v1/payments", UUID.randomUUID().toString(),
                payment(6_000, card, "cb-" + run + "@mail.test", "10.5.0.1", "DE", "cb-" + run, "DE", "MANUAL"));
        assertThat(reasons(decisionOf(next.json().has("paymentId") ? next.json().get("paymentId").asString() : next.field("id"))))
                .contains("rule:chargeback_history");
    }

    @Test
    void badCheckoutSignalsAreRefusedAndNothingIsWritten() {
        long before = jdbc.sql("select count(*) from payments where merchant_id = :m").param("m", merchantId.value())
                .query(Long.class).single();
        for (var bad : List.of(
                Map.of("field", "buyer.email", "body", payment(100, freshCard(), "not-an-email", "10.6.0.1", "DE", "d", "DE", "MANUAL")),
                Map.of("field", "buyer.ipAddress", "body", payment(100, freshCard(), "a@b.test", "999.1.1.1", "DE", "d", "DE", "MANUAL")),
                Map.of("field", "buyer.ipCountry", "body", payment(100, freshCard(), "a@b.test", "10.6.0.1", "DEU", "d", "DE", "MANUAL")),
                Map.of("field", "buyer.shippingCountry", "body", payment(100, freshCard(), "a@b.test", "10.6.0.1", "DE", "d", "1", "MANUAL")),
                Map.of("field", "buyer.deviceId", "body", payment(100, freshCard(), "a@b.test", "10.6.0.1", "DE", "x".repeat(101), "DE", "MANUAL")))) {
            var r = merchant.post("/api/v1/payments", UUID.randomUUID().toString(), bad.get("body"));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("INVALID_FIELD");
            assertThat(r.body()).contains(bad.get("field"));
        }
        assertThat(jdbc.sql("select count(*) from payments where merchant_id = :m").param("m", merchantId.value())
                .query(Long.class).single()).isEqualTo(before);
        var ipv6 = merchant.post("/api/v1/payments", UUID.randomUUID().toString(),
                payment(4_500, freshCard(), "v6-" + run + "@mail.test", "2001:db8::1", "DE", "v6-" + run, "DE", "MANUAL"));
        assertThat(ipv6.status()).as(ipv6.body()).isEqualTo(201);
    }

    @Test
    void theModelRegistryListsVersionsWithTheirReportAndRefusesWhatItCannotTake() {
        JsonNode versions = analyst.get("/api/v1/risk/fraud/models").body();
        JsonNode shipped = versions.valueStream().filter(v -> v.get("version").asString().equals(SHIPPED)).findFirst().orElseThrow();
        assertThat(shipped.get("auc").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(shipped.get("points").size()).isEqualTo(5);
        assertThat(analyst.post("/api/v1/risk/fraud/models/no-such-model/activate", Map.of()).status()).isEqualTo(404);

        String version = constantModel("REVIEW");
        assertThat(models.active().orElseThrow().version()).isEqualTo(version);
        var activated = analyst.post("/api/v1/risk/fraud/models/" + SHIPPED + "/activate", Map.of());
        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.body().get("active").asBoolean()).isTrue();
        assertThat(models.versions().stream().filter(v -> v.active()).count()).isEqualTo(1);

        assertThat(models.register("w.amount=1\n", null, false, operator)).isInstanceOf(FraudModels.Refused.class);
        assertThat(models.register(modelText(version, 0, "REVIEW"), null, false, operator))
                .isInstanceOf(FraudModels.AlreadyRegistered.class);
        assertThat(models.register(modelText(version, 1, "REVIEW"), null, false, operator))
                .isInstanceOfSatisfying(FraudModels.Refused.class, r -> assertThat(r.reason()).contains("other parameters"));
        assertThat(models.register(modelText("bad version!", 0, "REVIEW"), null, false, operator))
                .isInstanceOf(FraudModels.Refused.class);
        assertThat(models.active().orElseThrow().version()).isEqualTo(SHIPPED);
    }

    @Test
    void operatorsSetBinCountriesAndBadOnesAreRefused() {
        String bin = freshCard().substring(0, 6);
        var ok = analyst.post("/api/v1/risk/fraud/bins", Map.of("bin", bin, "country", "us"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("country").asString()).isEqualTo("US");
        assertThat(analyst.post("/api/v1/risk/fraud/bins", Map.of("bin", "12ab56", "country", "US")).status()).isEqualTo(400);
        assertThat(analyst.post("/api/v1/risk/fraud/bins", Map.of("bin", bin, "country", "USA")).status()).isEqualTo(400);
        assertThat(analyst.post("/api/v1/risk/fraud/bins", Map.of("country", "US")).status()).isEqualTo(400);
        assertThat(jdbc.sql("select country from fraud_bin_countries where bin = :b").param("b", bin).query(String.class).single())
                .isEqualTo("US");
    }

    @Test
    void onlyRiskAnalystsSeeFraudDecisions() {
        Api merchantApi = new Api(port, PaymentsHttp.issueKey(keys, merchantId, ApiScope.PAYMENTS_READ));
        assertThat(merchantApi.get("/api/v1/risk/fraud/reviews").status()).isIn(403, 404);
        assertThat(analyst.get("/api/v1/risk/fraud/decisions").status()).isEqualTo(400);
        assertThat(analyst.get("/api/v1/risk/fraud/decisions?paymentId=nonsense").status()).isEqualTo(400);
        assertThat(analyst.get("/api/v1/risk/fraud/decisions/frd_nonsense").status()).isEqualTo(404);
    }
}
