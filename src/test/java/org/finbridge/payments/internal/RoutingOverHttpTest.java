package org.finbridge.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.finbridge.payments.PaymentFixtures.done;
import static org.finbridge.payments.PaymentFixtures.merchantActor;
import static org.finbridge.payments.PaymentFixtures.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.finbridge.ledger.Ledger;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.PaymentMethod;
import org.finbridge.payments.PaymentResult;
import org.finbridge.payments.PaymentState;
import org.finbridge.payments.Payments;
import org.finbridge.payments.PaymentsHttp;
import org.finbridge.payments.connector.ConnectorOutcome;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.ConnectorRouting;
import org.finbridge.payments.connector.DeclineCode;
import org.finbridge.payments.connector.Region;
import org.finbridge.payments.connector.http.AcquirerContracts;
import org.finbridge.payments.connector.http.HttpPaymentConnector;
import org.finbridge.payments.connector.http.NotificationSignatures;
import org.finbridge.payments.simulators.AcquirerSimulator;
import org.finbridge.payments.simulators.Simulators;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Routing and HTTP-backed connectors against the simulated acquirers over real HTTP: Acme Acquiring
 * (cheaper for cards) and Orbit Pay both take cards; Andes Local Payments takes Pix.
 */
@ApplicationTest
@TestPropertySource(properties = {
        "finbridge.connectors.http.enabled=true",
        "finbridge.connectors.http.read-timeout=1500ms",
        "finbridge.connectors.http.max-attempts=2",
        "finbridge.connectors.http.retry-backoff=10ms",
        "finbridge.connectors.http.circuit-window=4",
        "finbridge.connectors.http.circuit-minimum-calls=2",
        "finbridge.connectors.http.circuit-open-for=10m",
        "finbridge.simulators.zero-latency=true",
        "finbridge.simulators.lost-answer-delay=3s",
        "finbridge.routing.rules[0].name=http-cards",
        "finbridge.routing.rules[0].methods=CARD",
        "finbridge.routing.rules[0].connectors=acme-acquiring,orbit-pay",
        "finbridge.routing.rules[1].name=local-methods",
        "finbridge.routing.rules[1].methods=PIX",
        "finbridge.routing.rules[1].currencies=BRL",
        "finbridge.routing.rules[1].connectors=andes-local"})
class RoutingOverHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Payments payments;
    @Autowired
    Parties parties;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    Simulators simulators;
    @Autowired
    ConnectorRouting routing;
    @Autowired
    RoutingJournal journal;
    @Autowired
    List<HttpPaymentConnector> httpConnectors;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    MutableClock clock;
    @Autowired
    org.finbridge.ledger.LedgerInvariants invariants;
    @LocalServerPort
    int port;

    PaymentFixtures fixtures;
    PartyId merchant;
    Actor actor;
    AcquirerSimulator acme;
    AcquirerSimulator orbit;
    AcquirerSimulator andes;

    @BeforeEach
    void setUp() {
        fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        merchant = fixtures.merchant("DE");
        actor = merchantActor(merchant);
        simulators.all().forEach(AcquirerSimulator::reset);
        httpConnectors.forEach(HttpPaymentConnector::resetCircuit);
        ((RuleBasedRouting) routing).forgetHistory();
        acme = simulators.named(AcquirerContracts.ACME).orElseThrow();
        orbit = simulators.named(AcquirerContracts.ORBIT).orElseThrow();
        andes = simulators.named(AcquirerContracts.ANDES).orElseThrow();
    }

    private Payment card(String number, long amount, String currency, CaptureMethod capture) {
        PaymentResult r = payments.create(actor, payment(merchant, amount, currency, fixtures.card(number), capture, "DE"));
        return r instanceof PaymentResult.Declined d ? d.payment() : done(r);
    }

    private List<RoutingJournal.Attempt> attempts(Payment p) {
        List<RoutingJournal.Decision> history = journal.history(p.id());
        assertThat(history).hasSize(1);
        return history.get(0).attempts();
    }

    private HttpPaymentConnector connector(String name) {
        return httpConnectors.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anAnswerLostToATimeoutIsAskedAgainWithTheSameKeyAndAuthorizesOnce() {
        long authorizations = acme.authorizations();
        long requests = acme.requests();
        acme.loseNextAnswers(1);

        Payment p = card(PaymentFixtures.VISA_OK, 10_000, "EUR", CaptureMethod.MANUAL);

        assertThat(p.state()).isEqualTo(PaymentState.AUTHORIZED);
        assertThat(p.connector()).isEqualTo(AcquirerContracts.ACME);
        assertThat(acme.requests() - requests).as("the first try and its retry").isEqualTo(2);
        assertThat(acme.authorizations() - authorizations).as("one authorization for one key").isEqualTo(1);
        assertThat(attempts(p)).singleElement().satisfies(a -> {
            assertThat(a.connector()).isEqualTo(AcquirerContracts.ACME);
            assertThat(a.outcome()).isEqualTo("APPROVED");
            assertThat(a.elapsedMs()).isGreaterThanOrEqualTo(1500);
        });
    }

    @Test
    void anAcquirerThatNeverAnswersIsReversedAndThePaymentFailsOver() {
        long authorizations = acme.authorizations();
        long reversalsBefore = acme.reversals();
        acme.loseNextAnswers(2); // the first try and its retry: processed, never heard

        Payment p = card(PaymentFixtures.VISA_OK, 10_000, "EUR", CaptureMethod.MANUAL);

        assertThat(p.state()).isEqualTo(PaymentState.AUTHORIZED);
        assertThat(p.connector()).isEqualTo(AcquirerContracts.ORBIT);
        assertThat(acme.authorizations() - authorizations).as("authorized once despite two requests").isEqualTo(1);
        assertThat(attempts(p)).extracting(RoutingJournal.Attempt::connector, RoutingJournal.Attempt::outcome,
                RoutingJournal.Attempt::failedOver).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AcquirerContracts.ACME, "TIMED_OUT", true),
                org.assertj.core.groups.Tuple.tuple(AcquirerContracts.ORBIT, "APPROVED", false),
                org.assertj.core.groups.Tuple.tuple(AcquirerContracts.ACME, "REVERSED", false));
        assertThat(acme.reversals()).as("the buyer's funds are not held twice").isEqualTo(1 + reversalsBefore);
    }

    @Test
    void aCaptureRetriedAfterAnOutageIsCapturedNotAnsweredAsDone() {
        Payment p = card(PaymentFixtures.VISA_OK, 8_000, "EUR", CaptureMethod.MANUAL);
        assertThat(p.connector()).isEqualTo(AcquirerContracts.ACME);
        PaymentsHttp http = new PaymentsHttp(port, PaymentsHttp.issueKey(apiKeys, merchant, ApiScope.PAYMENTS_WRITE));
        String key = "cap-" + p.id();
        String path = "/api/v1/payments/" + p.id() + "/capture";
        java.util.Map<String, Object> body = java.util.Map.of("amount", 8_000);
        long pendingBefore = fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR").creditsPosted();

        acme.outage(AcquirerSimulator.Outage.UNAVAILABLE);
        var first = http.post(path, key, body);
        assertThat(first.status()).as(first.body()).isEqualTo(503);
        assertThat(first.code()).isEqualTo("CONNECTOR_UNAVAILABLE");

        // the acquirer is back: the client's retry with the same key captures. It used to be answered 200 with the
        // payment as the failed attempt left it (still AUTHORIZED): the merchant was told of a capture that never was
        acme.outage(AcquirerSimulator.Outage.NONE);
        httpConnectors.forEach(HttpPaymentConnector::resetCircuit);
        var retried = http.post(path, key, body);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.field("state")).isEqualTo("CAPTURED");
        assertThat(retried.json().get("captured").asLong()).isEqualTo(8_000);

        // once captured, the key answers the stored capture and captures nothing more
        var replayed = http.post(path, key, body);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(retried.body());
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR").creditsPosted() - pendingBefore)
                .as("captured once, less no fee yet").isPositive().isLessThanOrEqualTo(8_000);
        assertThat(payments.find(actor, p.id()).orElseThrow().captured()).isEqualTo(8_000);
        assertThat(invariants.sweep().violations()).isEmpty();
    }

    @Test
    void anOutageOpensTheCircuitAndRoutingFailsOverToTheNextAcquirer() {
        acme.outage(AcquirerSimulator.Outage.UNAVAILABLE);

        Payment first = card(PaymentFixtures.VISA_OK, 10_000, "EUR", CaptureMethod.MANUAL);

        assertThat(first.state()).isEqualTo(PaymentState.AUTHORIZED);
        assertThat(first.connector()).isEqualTo(AcquirerContracts.ORBIT);
        assertThat(attempts(first)).extracting(RoutingJournal.Attempt::connector, RoutingJournal.Attempt::outcome,
                RoutingJournal.Attempt::failedOver).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AcquirerContracts.ACME, "UNAVAILABLE", true),
                org.assertj.core.groups.Tuple.tuple(AcquirerContracts.ORBIT, "APPROVED", false));
        assertThat(connector(AcquirerContracts.ACME).circuitState()).isEqualTo("OPEN");

        // while open, nothing reaches the acquirer: the call is refused at once
        long requests = acme.requests();
        ConnectorOutcome refused = connector(AcquirerContracts.ACME).authorize(new ConnectorRequest.Authorize("direct-1",
                "direct", Money.ofMinor(1_000, "EUR"), fixtures.card(PaymentFixtures.VISA_OK), false, Region.DOMESTIC));
        assertThat(refused).isInstanceOfSatisfying(ConnectorOutcome.Unavailable.class,
                u -> assertThat(u.detail()).contains("circuit open"));
        Payment second = card(PaymentFixtures.VISA_OK, 10_000, "EUR", CaptureMethod.MANUAL);
        assertThat(second.state()).isEqualTo(PaymentState.AUTHORIZED);
        assertThat(second.connector()).isEqualTo(AcquirerContracts.ORBIT);
        assertThat(acme.requests()).isEqualTo(requests);
    }

    @Test
    void aSoftDeclineFailsOverToTheNextAcquirer() {
        acme.declineNext(List.of(DeclineCode.DO_NOT_HONOUR));

        Payment p = card(PaymentFixtures.VISA_OK, 10_000, "EUR", CaptureMethod.MANUAL);

        assertThat(p.state()).isEqualTo(PaymentState.AUTHORIZED);
        assertThat(p.connector()).isEqualTo(AcquirerContracts.ORBIT);
        assertThat(attempts(p)).extracting(RoutingJournal.Attempt::connector, RoutingJournal.Attempt::outcome,
                RoutingJournal.Attempt::declineCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AcquirerContracts.ACME, "DECLINED", "DO_NOT_HONOUR"),
                org.assertj.core.groups.Tuple.tuple(AcquirerContracts.ORBIT, "APPROVED", null));

        // the merchant sees the same over the API
        String key = PaymentsHttp.issueKey(apiKeys, merchant, ApiScope.PAYMENTS_READ);
        var routingView = new PaymentsHttp(port, key).get("/api/v1/payments/" + p.id() + "/routing");
        assertThat(routingView.status()).isEqualTo(200);
        var decision = routingView.json().get("decisions").get(0);
        assertThat(decision.get("rule").asString()).isEqualTo("http-cards");
        assertThat(decision.get("candidates").get(0).get("reason").asString()).contains("expected cost");
        assertThat(decision.get("attempts")).hasSize(2);
    }

    @Test
    void aHardDeclineDoesNotFailOver() {
        long orbitAuthorizations = orbit.authorizations();
        long acmeRequests = acme.requests();

        Payment p = card("4000000000000069", 10_000, "EUR", CaptureMethod.MANUAL); // expired card (54)

        assertThat(p.state()).isEqualTo(PaymentState.FAILED);
        assertThat(p.declineCode()).isEqualTo("EXPIRED_CARD");
        assertThat(attempts(p)).singleElement().satisfies(a -> {
            assertThat(a.connector()).isEqualTo(AcquirerContracts.ACME);
            assertThat(a.outcome()).isEqualTo("DECLINED");
            assertThat(a.failedOver()).isFalse();
        });
        assertThat(acme.requests() - acmeRequests).isEqualTo(1);
        assertThat(orbit.authorizations()).isEqualTo(orbitAuthorizations);
    }

    @Test
    void theCheaperAcquirerWinsAtEqualSuccessAndTheMoreSuccessfulOneWhenTheCheaperFailsOften() {
        var facts = new ConnectorRouting.Facts(MethodType.CARD, Money.ofMinor(10_000, "EUR"), Region.DOMESTIC, "DE", "DE");
        // EUR 100 domestic: Acme 1.2 % + 0.20 = 1.40, Orbit 1.6 % + 0.10 = 1.70; neither has failed yet
        assertThat(routing.decide(facts).connectors()).extracting(c -> c.name())
                .containsExactly(AcquirerContracts.ACME, AcquirerContracts.ORBIT);
        assertThat(card(PaymentFixtures.VISA_OK, 10_000, "EUR", CaptureMethod.MANUAL).connector()).isEqualTo(AcquirerContracts.ACME);

        acme.declineNext(List.of(DeclineCode.DO_NOT_HONOUR));
        assertThat(card(PaymentFixtures.VISA_OK, 10_000, "EUR", CaptureMethod.MANUAL).connector())
                .isEqualTo(AcquirerContracts.ORBIT); // failed over

        // Acme: 1 success in 2 → expected cost 140 + 0.5 × 1000 (10 % of the amount) = 640 minor units against Orbit's 170
        var decision = routing.decide(facts);
        assertThat(decision.connectors()).extracting(c -> c.name()).containsExactly(AcquirerContracts.ORBIT, AcquirerContracts.ACME);
        assertThat(decision.choices().get(1).reason()).contains("success rate 0.5000 over 2", "expected cost 640.00");
        long acmeRequests = acme.requests();
        Payment p = card(PaymentFixtures.VISA_OK, 10_000, "EUR", CaptureMethod.MANUAL);
        assertThat(p.connector()).isEqualTo(AcquirerContracts.ORBIT);
        assertThat(attempts(p)).hasSize(1);
        assertThat(acme.requests()).isEqualTo(acmeRequests);
    }

    @Test
    void theDailySettlementReportTotalsEqualTheCapturesLessTheAcquirersFees() throws Exception {
        // GBP: no other test of this class settles GBP at Acme, so the day's GBP total is this test's alone
        Payment sale = card(PaymentFixtures.VISA_OK, 12_345, "GBP", CaptureMethod.AUTOMATIC);
        Payment auth = card("5555555555554444", 50_000, "GBP", CaptureMethod.MANUAL);
        done(payments.capture(actor, auth.id(), 20_000L, false));
        Payment captured = done(payments.capture(actor, auth.id(), 10_000L, true));
        assertThat(List.of(sale.connector(), captured.connector())).containsOnly(AcquirerContracts.ACME);

        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/simulators/acme-acquiring/v1/settlements/" + day + ".csv")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String[]> lines = csv.body().lines().skip(1).map(l -> l.split(",", -1)).toList();
        List<String[]> gbp = lines.stream().filter(l -> l[5].equals("GBP") && !l[2].equals("TOTAL")).toList();
        assertThat(gbp).extracting(l -> l[4]).containsExactly("SALE", "CAPTURE", "CAPTURE");
        String[] total = lines.stream().filter(l -> l[2].equals("TOTAL") && l[5].equals("GBP")).findFirst().orElseThrow();

        long capturedMinor = sale.captured() + captured.captured();
        long feesMinor = sale.feesAcquirer() + captured.feesAcquirer();
        assertThat(new BigDecimal(total[6])).isEqualByComparingTo(BigDecimal.valueOf(capturedMinor, 2));
        assertThat(new BigDecimal(total[7])).isEqualByComparingTo(BigDecimal.valueOf(feesMinor, 2));
        assertThat(new BigDecimal(total[8])).isEqualByComparingTo(BigDecimal.valueOf(capturedMinor - feesMinor, 2));
        assertThat(gbp.stream().map(l -> new BigDecimal(l[8])).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(new BigDecimal(total[8]));
    }

    @Test
    void aNotificationWithABadSignatureIsRefusedAndChangesNothing() throws Exception {
        PartyId brMerchant = fixtures.merchant("BR");
        Actor brActor = merchantActor(brMerchant);
        Payment p = done(payments.create(brActor, payment(brMerchant, 25_000, "BRL", new PaymentMethod(MethodType.PIX, null, null),
                null, "BR")));
        assertThat(p.state()).isEqualTo(PaymentState.REQUIRES_ACTION);
        assertThat(p.connector()).isEqualTo(AcquirerContracts.ANDES);
        byte[] body = """
                {"id":"evt_forged","type":"payment.settled","reference":"%s","amount":25000,"currency":"BRL"}"""
                .formatted(p.connectorReference()).getBytes(StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        String secret = "finbridge-development-only-notification-key";

        assertThat(notify(body, NotificationSignatures.sign("not-the-secret", now, body))).isEqualTo(401);
        assertThat(notify(body, NotificationSignatures.sign(secret, now - 301, body))).as("stale").isEqualTo(401);
        assertThat(notify(body, null)).isEqualTo(401);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("25000", "2500").getBytes(StandardCharsets.UTF_8);
        assertThat(notify(tampered, NotificationSignatures.sign(secret, now, body))).isEqualTo(401);
        Payment unchanged = payments.find(brActor, p.id()).orElseThrow();
        assertThat(unchanged.state()).isEqualTo(PaymentState.REQUIRES_ACTION);
        assertThat(unchanged.captured()).isZero();
        assertThat(unchanged.transactions()).hasSameSizeAs(p.transactions());

        // the buyer pays at the provider, which calls back with a signed notification
        HttpResponse<String> paid = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/simulators/andes-local/v1/checkout/" + p.connectorReference()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"paid\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> payments.find(brActor, p.id()).orElseThrow().state() == PaymentState.CAPTURED);

        // a validly signed replay of a notification already applied changes nothing
        byte[] replay = ("{\"id\":\"evt_replayed\",\"type\":\"payment.settled\",\"reference\":\"" + p.connectorReference()
                + "\",\"amount\":25000,\"currency\":\"BRL\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(notify(replay, NotificationSignatures.sign(secret, now, replay))).isEqualTo(200);
        assertThat(notify(replay, NotificationSignatures.sign(secret, now, replay))).isEqualTo(200);
        Payment after = payments.find(brActor, p.id()).orElseThrow();
        assertThat(after.captured()).isEqualTo(25_000);
        assertThat(after.transactions().stream().filter(t -> t.kind().equals("SETTLE")).count()).isEqualTo(1);
    }

    private int notify(byte[] body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connectors/andes-local/notifications"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            b.header(NotificationSignatures.HEADER, signature);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @SuppressWarnings("unused")
    private static String[] columns(String line) {
        return Arrays.stream(line.split(",", -1)).toArray(String[]::new);
    }
}
