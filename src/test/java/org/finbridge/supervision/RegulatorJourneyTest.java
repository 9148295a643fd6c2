package org.finbridge.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.ApiScope;
import org.finbridge.party.NewParty;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.finbridge.trade.OrderReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9's "done when", over HTTP: for a period a regulator sees who paid whom across which border and
 * through which licensed institution, which quotas and licence limits were breached, what was reported
 * (balance-of-payments declarations, the platform tax report), whether customer funds were safeguarded, and
 * opens and closes violation cases; every read is audited.
 */
@ApplicationTest
class RegulatorJourneyTest {

    static final String SUP = "/api/v1/supervision";

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Parties parties;

    @Autowired
    PaymentInstitutions institutions;

    @Autowired
    FxCollections collections;

    @Autowired
    CbecImports imports;

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    /** A seller registered in China, with a key of every merchant scope. */
    Api chineseSeller(String name) {
        Registration r = parties.register(new NewParty(PartyKind.MERCHANT, "CN", name + " " + UUID.randomUUID(), null,
                "seller-" + UUID.randomUUID() + "@example.com", null, Map.of("USCC", org.finbridge.party.TestIdentifiers.uscc())));
        PartyId id = ((Registration.Registered) r).party().id();
        sellers.put(id, new Api(port, actors.key(id, ApiScope.grantableTo(PartyKind.MERCHANT).toArray(ApiScope[]::new))));
        lastSeller = id;
        return sellers.get(id);
    }

    final Map<PartyId, Api> sellers = new java.util.HashMap<>();
    PartyId lastSeller;

    static String pay(Api merchant, long amount, String currency, String buyerCountry) {
        Api.Response r = merchant.with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/payments", Map.of(
                "amount", amount, "currency", currency, "orderReference", "reg-" + UUID.randomUUID(),
                "buyer", Map.of("country", buyerCountry),
                "method", Map.of("type", "CARD", "card", Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2099,
                        "cvc", "123")), "captureMethod", "AUTOMATIC", "confirm", true));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        assertThat(r.body().get("state").asString()).isIn("CAPTURED", "SUCCEEDED");
        return r.body().get("id").asString();
    }

    static List<JsonNode> list(Api.Response r) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.body().forEach(out::add);
        return out;
    }

    long reads() {
        return jdbc.sql("select count(*) from audit_trail where action = 'supervision.view.read'").query(Long.class).single();
    }

    @Test
    void aRegulatorSeesAPeriodsPaymentsBreachesReportsAndSafeguardingAndOpensAndClosesCases() {
        Api regulator = actors.party(PartyKind.REGULATOR).api(port);
        Api neighbour = actors.party(PartyKind.REGULATOR).api(port);
        Api operator = actors.operator().api(port);
        LocalDate today = today();
        String period = "from=" + today + "&to=" + today;
        long readsBefore = reads();

        // a Chinese seller paid by a German buyer: the probe shows which connector carries its cards
        Api seller = chineseSeller("Shenzhen Gadgets");
        PartyId sellerId = lastSeller;
        String probe = pay(seller, 1_000, "EUR", "DE");
        JsonNode probeLine = list(regulator.get(SUP + "/payments?" + period + "&merchantId=" + sellerId)).get(0);
        assertThat(probeLine.get("paymentId").asString()).isEqualTo(probe);
        assertThat(probeLine.get("corridor").asString()).isEqualTo("CN-DE");
        String connector = probeLine.get("connector").asString();
        assertThat(connector).isNotBlank();

        // the connector's operator is licensed: at most EUR 100.00 a payment, EUR 150.00 a day
        PartyId institution = actors.party(PartyKind.PAYMENT_INSTITUTION).partyId();
        institutions.register(new Licence(institution, "PI-" + UUID.randomUUID().toString().substring(0, 8),
                Set.of("CROSS_BORDER_PAYMENT"), Set.of("CN"), today.minusDays(1), today, Money.ofMajor("100", "EUR"),
                Money.ofMajor("150", "EUR"), Set.of(connector)));
        assertThat(regulator.get(SUP + "/institutions/" + institution).body().get("dailyVolumeLimitMinor").asLong()).isEqualTo(15_000);
        String within = pay(seller, 10_000, "EUR", "DE");
        String over = pay(seller, 10_001, "EUR", "FR");

        // who paid whom across which border, through which institution
        List<JsonNode> lines = list(regulator.get(SUP + "/payments?" + period + "&merchantId=" + sellerId));
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(l -> l.get("corridor").asString()).containsExactlyInAnyOrder("CN-DE", "CN-DE", "CN-FR");
        assertThat(lines).filteredOn(l -> !l.get("paymentId").asString().equals(probe)).hasSize(2)
                .allSatisfy(l -> assertThat(l.get("institutionId").asString()).isEqualTo(institution.toString()));
        assertThat(lines).filteredOn(l -> l.get("paymentId").asString().equals(probe))
                .singleElement().satisfies(l -> assertThat(l.get("institutionId").isNull()).isTrue());
        assertThat(list(regulator.get(SUP + "/payments?" + period + "&corridor=CN-FR&institutionId=" + institution)))
                .singleElement().satisfies(l -> assertThat(l.get("paymentId").asString()).isEqualTo(over));
        assertThat(regulator.get(SUP + "/payments?" + period + "&corridor=China-France").status()).isEqualTo(400);
        assertThat(list(regulator.get(SUP + "/flows?" + period + "&groupBy=CORRIDOR")))
                .anySatisfy(f -> assertThat(f.get("group").asString()).isEqualTo("CN-FR"));
        assertThat(list(regulator.get(SUP + "/flows?" + period + "&groupBy=INSTITUTION")))
                .anySatisfy(f -> {
                    assertThat(f.get("group").asString()).isEqualTo(institution.toString());
                    assertThat(f.get("payments").asLong()).isEqualTo(2);
                    assertThat(f.get("capturedMinor").asLong()).isEqualTo(20_001);
                });

        // the licence's limits: the payment over EUR 100.00, and the day over EUR 150.00
        List<JsonNode> single = list(regulator.get(SUP + "/quota-breaches?year=" + today.getYear() + "&kind=INSTITUTION_SINGLE_TXN_LIMIT"));
        assertThat(single).filteredOn(b -> b.get("subject").asString().equals(institution.toString()))
                .singleElement().satisfies(b -> {
                    assertThat(b.get("reference").asString()).isEqualTo(over);
                    assertThat(b.get("amountMinor").asLong()).isEqualTo(10_001);
                    assertThat(b.get("limitMinor").asLong()).isEqualTo(10_000);
                });
        assertThat(single).noneSatisfy(b -> assertThat(b.get("reference").asString()).isEqualTo(within));
        assertThat(list(regulator.get(SUP + "/quota-breaches?year=" + today.getYear() + "&kind=INSTITUTION_DAILY_VOLUME_LIMIT")))
                .filteredOn(b -> b.get("subject").asString().equals(institution.toString()))
                .singleElement().satisfies(b -> assertThat(b.get("amountMinor").asLong()).isEqualTo(20_001));

        // a buyer's retail imports over the annual CBEC quota, looked up by identity document (answered by hash only)
        PartyId marketplace = actors.party(PartyKind.MARKETPLACE).partyId();
        String idNumber = "4403" + String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())).substring(0, 13) + "X";
        IdentityDocument buyer = new IdentityDocument("CN_RESIDENT_ID", "CN", idNumber);
        for (int i = 0; i < 6; i++) {
            imports.declare(new CbecDeclaration(marketplace, "JD-" + UUID.randomUUID(), buyer, new CbecOrder(
                    Money.ofMajor("5000", "CNY"), null, null, new BigDecimal("0.13"), BigDecimal.ZERO, new BigDecimal("0.10"), false)));
        }
        Map<String, Object> who = Map.of("documentType", "CN_RESIDENT_ID", "country", "CN", "number", idNumber);
        Api.Response quota = regulator.post(SUP + "/cbec-quotas/status", who);
        assertThat(quota.status()).isEqualTo(200);
        assertThat(quota.body().get("usedMinor").asLong()).isEqualTo(2_500_000);
        assertThat(quota.body().get("limitMinor").asLong()).isEqualTo(2_600_000);
        assertThat(quota.body().get("remainingMinor").asLong()).isEqualTo(100_000);
        assertThat(quota.body().get("orders").size()).isEqualTo(6);
        assertThat(quota.raw().body()).doesNotContain(idNumber);
        String hash = quota.body().get("buyerHash").asString();
        assertThat(list(regulator.get(SUP + "/quota-breaches?year=" + today.getYear() + "&kind=CBEC_ANNUAL_LIMIT")))
                .anySatisfy(b -> assertThat(b.get("subject").asString()).isEqualTo(hash));
        assertThat(list(regulator.get(SUP + "/cbec-imports?" + period)))
                .filteredOn(o -> o.get("buyerHash").asString().equals(hash)).hasSize(6)
                .filteredOn(o -> o.get("treatment").asString().equals("general-trade")).hasSize(1);
        Api.Response fx = regulator.post(SUP + "/fx-quotas/status", who);
        assertThat(fx.body().get("personHash").asString()).isEqualTo(hash);
        assertThat(fx.body().get("quotaMinor").asLong()).isEqualTo(5_000_000);
        assertThat(regulator.post(SUP + "/cbec-quotas/status", Map.of("documentType", "CN_RESIDENT_ID", "country", "China",
                "number", idNumber)).status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from audit_trail where after_summary like ?").param("%" + idNumber + "%")
                .query(Long.class).single()).isZero();

        // what was reported: the collection's balance-of-payments declaration (held for want of a trade record,
        // then released by the regulator), the platform tax report of the quarter
        FxCollection held = collections.receive(sellerId, new OrderReference(marketplace, "NO-RECORD-" + UUID.randomUUID()), within,
                Money.ofMajor("100", "EUR"));
        assertThat(held.state()).isEqualTo(FxCollection.State.HELD);
        assertThat(list(regulator.get(SUP + "/fx-collections/held")))
                .anySatisfy(c -> assertThat(c.get("id").asString()).isEqualTo(held.id().toString()));
        assertThat(list(regulator.get(SUP + "/flows?" + period + "&groupBy=CUSTOMS_MODE")))
                .anySatisfy(f -> assertThat(f.get("group").asString()).isEqualTo("none"));
        String review = SUP + "/fx-collections/" + held.id() + "/review";
        assertThat(regulator.post(review, Map.of("decision", "MAYBE")).status()).isEqualTo(400);
        assertThat(regulator.get(SUP + "/fx-collections/" + held.id()).body().get("state").asString()).isEqualTo("HELD");
        Api.Response released = regulator.post(review, Map.of("decision", "RELEASE", "note", "invoice and waybill seen"));
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().get("state").asString()).isEqualTo("RELEASED");
        Api.Response again = regulator.post(review, Map.of("decision", "REJECT"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("FX_COLLECTION_NOT_HELD");
        assertThat(regulator.get(SUP + "/fx-collections/" + UUID.randomUUID()).status()).isEqualTo(404);
        Api.Response bop = regulator.get(SUP + "/bop-declarations?" + period);
        assertThat(bop.raw().body()).contains("receipt:" + within).contains("122030");
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        assertThat(regulator.get(SUP + "/platform-tax-reports/" + today.getYear() + "-Q" + quarter).raw().body())
                .contains(sellerId.toString());
        assertThat(regulator.get(SUP + "/aml-reports").status()).isEqualTo(200);

        // whether customer funds were safeguarded: the settlement module's report of the day
        assertThat(operator.post("/api/v1/settlement/safeguarding-reports", Map.of("date", today.toString())).status()).isEqualTo(200);
        List<JsonNode> days = list(regulator.get(SUP + "/safeguarding?" + period));
        assertThat(days).singleElement().satisfies(d -> {
            assertThat(d.get("date").asString()).isEqualTo(today.toString());
            assertThat(d.get("covered").isBoolean()).isTrue();
            assertThat(d.get("lines").size()).isPositive();
        });
        assertThat(regulator.get(SUP + "/safeguarding?from=" + today + "&to=" + today.minusDays(1)).status()).isEqualTo(400);

        // the rule-detected case of the institution over its licence: taken up, decided, remedied, closed
        JsonNode detected = list(regulator.get(SUP + "/violations?state=OPEN")).stream()
                .filter(v -> v.get("subjectId").asString().equals(institution.toString())).findFirst().orElseThrow();
        assertThat(detected.get("ruleCode").asString()).isEqualTo("CN_PI_OVER_LICENCE_LIMIT");
        String steps = SUP + "/violations/" + detected.get("id").asString() + "/steps";
        assertThat(regulator.post(steps, Map.of("action", "investigate")).status()).isEqualTo(200);
        // taken up: another regulator no longer sees it
        assertThat(neighbour.get(SUP + "/violations/" + detected.get("id").asString()).status()).isEqualTo(404);
        assertThat(regulator.post(steps, Map.of("action", "decide", "decision", Map.of("kind", "FINE", "fineMinor", 5_000_000,
                "currency", "CNY"))).body().get("state").asString()).isEqualTo("DECIDED");
        assertThat(regulator.post(steps, Map.of("action", "remediate", "note", "volumes within the licence")).status()).isEqualTo(200);
        assertThat(regulator.post(steps, Map.of("action", "close", "note", "fine paid")).body().get("state").asString())
                .isEqualTo("CLOSED");
        // a case the regulator files itself, dismissed after the investigation
        Api.Response filed = regulator.post(SUP + "/violations", Map.of("subjectId", sellerId.toString(), "ruleCode",
                "CN_FX_AUTHENTICITY", "description", "a collection without a trade record"));
        assertThat(filed.status()).isEqualTo(201);
        assertThat(regulator.post(SUP + "/violations/" + filed.body().get("id").asString() + "/steps",
                Map.of("action", "close", "note", "trade record produced")).body().get("state").asString()).isEqualTo("CLOSED");

        // every read of the regulator is in the audit log
        assertThat(reads() - readsBefore).isGreaterThanOrEqualTo(18);
    }
}
