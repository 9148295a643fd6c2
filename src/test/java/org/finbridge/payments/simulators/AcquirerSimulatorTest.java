package org.finbridge.payments.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finbridge.payments.connector.http.AcquirerContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulated acquirer's own rules, called directly. */
class AcquirerSimulatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final List<Map<String, Object>> notified = new ArrayList<>();
    private final AcquirerSimulator acme = new AcquirerSimulator(AcquirerContracts.ACME, "Acme Acquiring", AcquirerContracts.acme(),
            LatencyModel.ZERO, Duration.ZERO, clock, (c, e) -> notified.add(e));

    private static JsonNode card(long amount, String last4, boolean capture) {
        return JSON.readTree("""
                {"paymentRef":"pay_1","amount":%d,"currency":"EUR","method":{"type":"CARD","bin":"400000","last4":"%s"},
                 "capture":%s,"region":"DOMESTIC"}""".formatted(amount, last4, capture));
    }

    @Test
    void theSameKeyAnswersTheFirstAnswerAndNeverAuthorizesTwice() {
        var first = acme.serve("authorize", null, "k1", card(10_000, "4242", false));
        var again = acme.serve("authorize", null, "k1", card(10_000, "4242", false));
        assertThat(again).isEqualTo(first);
        assertThat(acme.authorizations()).isEqualTo(1);
        assertThat(acme.serve("authorize", null, "k1", card(20_000, "4242", false)).status()).isEqualTo(422);
        assertThat(acme.serve("authorize", null, null, card(10_000, "4242", false)).status()).isEqualTo(400);
    }

    @Test
    void issuersDeclineWithTheirIsoCodes() {
        var insufficient = acme.serve("authorize", null, "k2", card(10_000, "9995", false));
        assertThat(insufficient.body()).containsEntry("status", "declined").containsEntry("code", "51")
                .containsEntry("reason", "INSUFFICIENT_FUNDS");
        assertThat(acme.serve("authorize", null, "k3", card(10_000, "0069", false)).body()).containsEntry("code", "54");
        assertThat(acme.authorizations()).isZero();
    }

    @Test
    void anOutageSwitchOrAScheduledWindowAnswers503AndDoesNothing() {
        acme.outage(AcquirerSimulator.Outage.UNAVAILABLE);
        assertThat(acme.serve("authorize", null, "k4", card(10_000, "4242", false)).status()).isEqualTo(503);
        acme.reset();
        acme.scheduleOutage(new AcquirerSimulator.Window(Instant.parse("2026-11-27T09:00:00Z"),
                Instant.parse("2026-11-27T11:00:00Z"), AcquirerSimulator.Outage.UNAVAILABLE));
        assertThat(acme.serve("authorize", null, "k4", card(10_000, "4242", false)).status()).isEqualTo(503);
        assertThat(acme.authorizations()).isZero();
        acme.reset();
        assertThat(acme.serve("authorize", null, "k4", card(10_000, "4242", false)).status()).isEqualTo(200);
    }

    @Test
    void theSettlementReportChargesTheContractsFeesAndTotalsPerCurrency() {
        acme.serve("authorize", null, "sale", card(10_000, "4242", true)); // 1.2 % + 0.20 = 1.40
        var auth = acme.serve("authorize", null, "auth", card(5_000, "4444", false));
        String ref = (String) auth.body().get("reference");
        acme.serve("capture", ref, "cap", JSON.readTree("{\"amount\":5000,\"currency\":\"EUR\",\"final\":true}")); // 0.80
        acme.serve("refund", ref, "ref", JSON.readTree("{\"amount\":1000,\"currency\":\"EUR\"}"));

        List<String> csv = acme.settlementReport(LocalDate.of(2026, 11, 27)).lines().toList();
        assertThat(csv).hasSize(5);
        assertThat(csv.get(1)).contains(",SALE,EUR,100.00,1.40,98.60,1,EUR,98.60");
        assertThat(csv.get(2)).contains(",CAPTURE,EUR,50.00,0.80,49.20,");
        assertThat(csv.get(3)).contains(",REFUND,EUR,-10.00,0.00,-10.00,");
        assertThat(csv.get(4)).isEqualTo("acme-acquiring,2026-11-27,TOTAL,,,EUR,140.00,2.20,137.80,1,EUR,137.80");
        assertThat(acme.settlementReport(LocalDate.of(2026, 11, 28)).lines()).hasSize(1);
    }

    @Test
    void aReversalReleasesWhatTheLostAuthorizationDid() {
        acme.serve("authorize", null, "lost", card(10_000, "4242", false));
        var reversal = acme.serve("reverse", null, "lost:reversal",
                JSON.readTree("{\"authorizationKey\":\"lost\",\"amount\":10000,\"currency\":\"EUR\"}"));
        assertThat(reversal.body()).containsEntry("status", "approved");
        assertThat(acme.reversals()).isEqualTo(1);
        var nothing = acme.serve("reverse", null, "never:reversal",
                JSON.readTree("{\"authorizationKey\":\"never\",\"amount\":10000,\"currency\":\"EUR\"}"));
        assertThat(nothing.body()).containsEntry("status", "approved").doesNotContainKey("reference");
        assertThat(acme.reversals()).isEqualTo(1);
    }

    @Test
    void theLatencyModelHonoursItsMedianAndIsZeroForBenchmarks() {
        assertThat(LatencyModel.ZERO.sample()).isZero();
        LatencyModel m = new LatencyModel(100, 400);
        long below = java.util.stream.IntStream.range(0, 4_000).filter(i -> m.sample().toMillis() <= 100).count();
        assertThat(below).isBetween(1_700L, 2_300L);
    }
}
