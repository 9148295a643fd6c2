package org.finbridge.risk.aml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.finbridge.fx.FxTestRates;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.Payments;
import org.finbridge.risk.aml.internal.ReportXml;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * AML monitoring end to end: real payments through the payments API raise alerts from their events, a
 * redelivered event raises nothing twice, large-value alerts are filed as LTRs once their day is over,
 * and the reports are valid XML that supervisors can read and nobody can delete within ten years.
 */
@ApplicationTest
class AmlMonitoringTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    ReferenceRates rates;

    @Autowired
    AmlMonitoring monitoring;

    @Autowired
    AmlReports reports;

    @Autowired
    Payments payments;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void ratesForToday() {
        FxTestRates.publishToday(rates, clock);
    }

    /** A card payment captured at once, created by the merchant through the API. */
    static String pay(Api merchant, long amount, String currency, String buyerCountry) {
        Api.Response r = merchant.with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/payments", Map.of(
                "amount", amount, "currency", currency, "orderReference", "aml-" + UUID.randomUUID(),
                "buyer", Map.of("country", buyerCountry),
                "method", Map.of("type", "CARD", "card", Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2099,
                        "cvc", "123")), "captureMethod", "AUTOMATIC", "confirm", true));
        assertThat(r.status()).as(r.body() == null ? "" : r.body().toString()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    static List<JsonNode> alertsOf(Api operator, String partyId) {
        Api.Response r = operator.get("/api/v1/aml/alerts?limit=500");
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> mine = new java.util.ArrayList<>();
        r.body().forEach(a -> {
            if (a.get("partyId").asString().equals(partyId)) {
                mine.add(a);
            }
        });
        return mine;
    }

    private long journalRows(String paymentId) {
        return jdbc.sql("select count(*) from aml_transactions where source_ref = :p").param("p", paymentId)
                .query(Long.class).single();
    }

    @Test
    void aLargeCardPaymentRaisesOneLargeValueAlertEvenWhenItsEventIsDeliveredAgain() {
        TestActors.Credentials merchant = actors.party(PartyKind.MERCHANT);
        Api operator = actors.operator().api(port);
        String paymentId = pay(merchant.api(port), 200_000_00L, "USD", "DE");
        // the rules run in the background, off the payment's path; this is the pass it would run
        monitoring.evaluatePending();

        List<JsonNode> alerts = alertsOf(operator, merchant.partyId().toString());
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.get("rule").asString()).isEqualTo("large-value-0502");
            assertThat(a.get("category").asString()).isEqualTo("LTR");
            assertThat(a.get("featureCode").asString()).isEqualTo("0502");
            assertThat(a.get("status").asString()).isEqualTo("OPEN");
            assertThat(a.get("transactions").size()).isEqualTo(1);
        });
        assertThat(journalRows(paymentId)).isEqualTo(1);

        // at-least-once delivery: the same (payment, seq) again changes nothing
        Payment payment = payments.find(org.finbridge.payments.PaymentFixtures.operatorActor(actors.operator().partyId()),
                PaymentId.parse(paymentId)).orElseThrow();
        String leg = jdbc.sql("select id from aml_transactions where source_ref = :p").param("p", paymentId)
                .query(String.class).single();
        int seq = Integer.parseInt(leg.split(":")[2]);
        PaymentEvent again = new PaymentEvent("payment.succeeded", payment.id(), payment.merchantId(), seq, payment.state(),
                200_000_00L, "USD", payment.orderReference(), clock.instant());
        tx.executeWithoutResult(s -> events.publishEvent(again));
        tx.executeWithoutResult(s -> events.publishEvent(again));
        assertThat(journalRows(paymentId)).isEqualTo(1);
        monitoring.evaluatePending();
        assertThat(alertsOf(operator, merchant.partyId().toString())).hasSize(1);
        assertThat(monitoring.run().alertsRaised()).isGreaterThanOrEqualTo(0);
        assertThat(alertsOf(operator, merchant.partyId().toString())).hasSize(1);
    }

    @Test
    void oneFenBelowTheLineRaisesNothing() {
        TestActors.Credentials merchant = actors.party(PartyKind.MERCHANT);
        pay(merchant.api(port), 199_999_99L, "USD", "DE");
        monitoring.evaluatePending();
        assertThat(alertsOf(actors.operator().api(port), merchant.partyId().toString())).isEmpty();
    }

    @Test
    void theDaysLargeValueAlertIsFiledAsAValidLtrOnceTheDayIsOverAndSupervisorsReadIt() {
        TestActors.Credentials merchant = actors.party(PartyKind.MERCHANT);
        Api operator = actors.operator().api(port);
        pay(merchant.api(port), 150_000_00L, "USD", "DE");
        pay(merchant.api(port), 50_000_00L, "USD", "GB");
        monitoring.evaluatePending();
        JsonNode alert = alertsOf(operator, merchant.partyId().toString()).getFirst();
        assertThat(alert.get("transactions").size()).isEqualTo(2);

        monitoring.run(); // the day is not over: nothing filed yet
        assertThat(alertsOf(operator, merchant.partyId().toString()).getFirst().get("status").asString()).isEqualTo("OPEN");

        clock.advance(Duration.ofDays(1));
        FxTestRates.publishToday(rates, clock);
        assertThat(monitoring.run().reportsFiled()).isGreaterThanOrEqualTo(1);
        JsonNode reported = alertsOf(operator, merchant.partyId().toString()).getFirst();
        assertThat(reported.get("status").asString()).isEqualTo("REPORTED");
        String reportId = reported.get("reportId").asString();
        assertThat(monitoring.run().reportsFiled()).isZero(); // filed once

        JsonNode report = operator.get("/api/v1/aml/reports/" + reportId).body();
        assertThat(report.get("type").asString()).isEqualTo("LTR");
        assertThat(report.get("featureCode").asString()).isEqualTo("0502");
        assertThat(report.get("transactionCount").asInt()).isEqualTo(2);
        java.time.LocalDate subject = java.time.LocalDate.parse(report.get("subjectDate").asString());
        assertThat(java.time.LocalDate.parse(report.get("keepUntil").asString())).isEqualTo(subject.plusYears(10));
        assertThat(java.time.LocalDate.parse(report.get("dueOn").asString())).isAfter(subject.plusDays(4));

        Api.Response xml = operator.get("/api/v1/aml/reports/" + reportId + "/xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(ReportXml.problem(xml.raw().body())).isNull();
        assertThat(xml.raw().body()).contains("<CRCD>0502</CRCD>", "<Direction>CREDIT</Direction>",
                "<TotalUsdEquivalent>200000.00</TotalUsdEquivalent>", "<Transactions count=\"2\">");

        // supervisors read the filed reports; merchants never reach them
        Api regulator = actors.party(PartyKind.REGULATOR).api(port);
        assertThat(regulator.get("/api/v1/supervision/aml-reports/" + reportId).status()).isEqualTo(200);
        Api.Response regulatorXml = regulator.get("/api/v1/supervision/aml-reports/" + reportId + "/xml");
        assertThat(regulatorXml.raw().body()).isEqualTo(xml.raw().body());
        assertThat(regulator.get("/api/v1/aml/reports/" + reportId).status()).isEqualTo(403);
        assertThat(merchant.api(port).get("/api/v1/supervision/aml-reports/" + reportId).status()).isEqualTo(403);
        assertThat(merchant.api(port).get("/api/v1/aml/alerts").status()).isEqualTo(403);

        // kept ten years: deletion is refused and the report stays as filed
        DeletionResult deletion = reports.delete(org.finbridge.payments.PaymentFixtures.operatorActor(actors.operator().partyId()),
                ReportId.parse(reportId));
        assertThat(deletion).isEqualTo(new DeletionResult.RetentionPeriod(subject.plusYears(10)));
        assertThat(reports.xml(ReportId.parse(reportId))).contains(xml.raw().body());
    }

    @Test
    void badInputAnswersClearlyAndChangesNothing() {
        Api operator = actors.operator().api(port);
        assertThat(operator.get("/api/v1/aml/alerts?status=BOGUS").code()).isEqualTo("INVALID_FIELD");
        assertThat(operator.get("/api/v1/aml/alerts/not-an-id").code()).isEqualTo("ALERT_NOT_FOUND");
        assertThat(operator.get("/api/v1/aml/reports?type=XTR").code()).isEqualTo("INVALID_FIELD");
        assertThat(operator.get("/api/v1/aml/reports/amlrpt_" + "0".repeat(32)).status()).isEqualTo(404);
        assertThat(operator.get("/api/v1/aml/reports/amlcase_" + "0".repeat(32)).code()).isEqualTo("REPORT_NOT_FOUND");
        assertThat(operator.get("/api/v1/supervision/aml-reports?type=nope").code()).isEqualTo("INVALID_FIELD");
    }
}
