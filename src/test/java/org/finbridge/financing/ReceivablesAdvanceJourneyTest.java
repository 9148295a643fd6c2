package org.finbridge.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * A receivables advance (marketplace advance against pending payouts, REGULATIONS.md §6.1): a seller with
 * 10,000.00 of sales captured and not yet settled may borrow 80 % of it, less a 1.5 % discount kept back at
 * disbursement; not a cent more; and the advance is repaid from the settlements of those receivables
 * without the seller lifting a finger.
 */
@ApplicationTest
@RecordApplicationEvents
class ReceivablesAdvanceJourneyTest {

    static final String FIN = "/api/v1/financing";

    @LocalServerPort
    int port;
    @Autowired
    TestActors actors;
    @Autowired
    Ledger ledger;
    @Autowired
    Financing financing;
    @Autowired
    java.util.List<org.finbridge.settlement.SettlementSweeps> sweeps;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    long financingAudits() {
        return jdbc.sql("select count(*) from audit_trail where action like 'financing.%'").query(Long.class).single();
    }

    long loansOf(PartyId merchant) {
        return jdbc.sql("select count(*) from loans where merchant_id = ?").param(merchant.value()).query(Long.class).single();
    }

    record Setup(FinancingFixtures fx, PartyId merchant, Api merchantApi, TestActors.Credentials lender, String programme) {
    }

    Setup setup() {
        Api operator = actors.operator().api(port);
        FinancingFixtures fx = new FinancingFixtures(operator, actors, ledger, financing, sweeps, clock);
        PartyId merchant = fx.approvedMerchant();
        Api merchantApi = new Api(port, actors.key(merchant, ApiScope.grantableTo(PartyKind.MERCHANT).toArray(ApiScope[]::new)));
        TestActors.Credentials lender = actors.party(PartyKind.LENDER);
        assertThat(operator.post(FIN + "/lenders/" + lender.partyId() + "/funding", Map.of("amount", 5_000_000,
                "currency", "CNY", "reference", "wire-" + lender.partyId())).status()).isEqualTo(200);
        Api.Response published = lender.api(port).post(FIN + "/programmes", advanceProgramme(8_000));
        assertThat(published.status()).as(String.valueOf(published.body())).isEqualTo(201);
        assertThat(published.body().get("advanceRateBasisPoints").asInt()).isEqualTo(8_000);
        return new Setup(fx, merchant, merchantApi, lender, published.body().get("id").asString());
    }

    static Map<String, Object> advanceProgramme(int advanceRateBps) {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("name", "Advance on pending payouts", "product",
                "RECEIVABLES_ADVANCE", "currency", "CNY", "annualRate", 0, "months", 1, "upfrontFeeBasisPoints", 150,
                "holdbackBasisPoints", 10_000, "advanceRateBasisPoints", advanceRateBps, "servicingFeeBasisPoints", 100,
                "penaltyRate", 0.18));
        p.put("limitsByGrade", FinancingFixtures.everyGrade(5_000_000));
        return p;
    }

    Api reviewer() {
        return new Api(port, actors.key(actors.operator().partyId(), ApiScope.LOANS_REVIEW, ApiScope.LOANS_READ));
    }

    Api.Response apply(Api merchantApi, String programme, long principal, String key) {
        return merchantApi.with("Idempotency-Key", key).post(FIN + "/loans", Map.of("programmeId", programme, "principal", principal));
    }

    @Test
    void eightyPercentOfPendingSalesIsAdvancedLessItsDiscountAndTheSettlementsOfThoseSalesRepayIt() {
        Setup s = setup();
        FinancingFixtures fx = s.fx();
        s.fx().capture(s.merchant(), "CNY", 1_000_000);

        JsonNode base = s.merchantApi().get(FIN + "/parties/" + s.merchant() + "/borrowing-base?currency=CNY").body();
        assertThat(base.get("pending").asLong()).isEqualTo(1_000_000);
        assertThat(base.get("advanced").asLong()).isZero();
        JsonNode line = null;
        for (JsonNode l : base.get("programmes")) {
            if (l.get("programmeId").asString().equals(s.programme())) {
                line = l;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("available").asLong()).isEqualTo(800_000);

        // one cent over 80 % of the pending balance: refused, nothing recorded
        long audits = financingAudits();
        Api.Response over = apply(s.merchantApi(), s.programme(), 800_001, TimeOrderedIds.next().toString());
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("OVER_ADVANCE");
        assertThat(financingAudits()).isEqualTo(audits);
        assertThat(loansOf(s.merchant())).isZero();

        String key = TimeOrderedIds.next().toString();
        Api.Response applied = apply(s.merchantApi(), s.programme(), 800_000, key);
        assertThat(applied.status()).as(String.valueOf(applied.body())).isEqualTo(201);
        String loan = applied.body().get("id").asString();
        assertThat(applied.body().get("product").asString()).isEqualTo("RECEIVABLES_ADVANCE");
        assertThat(applied.body().get("upfrontFee").asLong()).isEqualTo(12_000);
        // 1.5 % for a month is about 18 % a year, disclosed
        assertThat(applied.body().get("apr").decimalValue()).isBetween(new java.math.BigDecimal("0.17"),
                new java.math.BigDecimal("0.19"));
        // the same Idempotency-Key answers the same application
        Api.Response again = apply(s.merchantApi(), s.programme(), 800_000, key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(loan);
        assertThat(loansOf(s.merchant())).isEqualTo(1);
        // what is applied for counts against the base: nothing more may be advanced
        assertThat(apply(s.merchantApi(), s.programme(), 1, TimeOrderedIds.next().toString()).code()).isEqualTo("OVER_ADVANCE");

        if ("REFERRED".equals(applied.body().get("state").asString())) {
            assertThat(reviewer().post(FIN + "/loans/" + loan + "/decision", Map.of("decision", "APPROVE",
                    "reason", "marketplace receivables verified")).body().get("state").asString()).isEqualTo("APPROVED");
        }
        // another seller cannot accept it: 404 like a loan that does not exist
        assertThat(actors.party(PartyKind.MERCHANT).api(port).post(FIN + "/loans/" + loan + "/accept", Map.of()).status())
                .isEqualTo(404);
        JsonNode accepted = s.merchantApi().post(FIN + "/loans/" + loan + "/accept", Map.of()).body();
        assertThat(accepted.get("state").asString()).as(accepted.toString()).isEqualTo("ACTIVE");
        assertThat(accepted.get("outstanding").get("principal").asLong()).isEqualTo(800_000);
        assertThat(accepted.get("outstanding").get("fees").asLong()).isZero();
        // the discount is kept back: the seller receives 7,880.00
        String available = "party:" + s.merchant() + ":MERCHANT_AVAILABLE:CNY";
        assertThat(fx.credit(available)).isEqualTo(788_000);
        LoanId id = LoanId.parse(loan);
        fx.assertLedgerEqualsSchedule(financing.loan(FinancingFixtures.actor(s.merchant(), PartyKind.MERCHANT), id).orElseThrow());
        fx.spendAll(s.merchant(), "CNY");

        // half the receivables settle: all of it repays the advance
        fx.settle(s.merchant(), "CNY", 500_000);
        financing.service(clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate());
        Loan half = financing.loan(FinancingFixtures.actor(s.merchant(), PartyKind.MERCHANT), id).orElseThrow();
        assertThat(half.outstanding().principal()).isEqualTo(300_000);
        assertThat(fx.credit(available)).isZero();
        fx.assertLedgerEqualsSchedule(half);
        // the rest settles: the advance takes what it is owed, the seller keeps the rest
        fx.settle(s.merchant(), "CNY", 500_000);
        financing.service(clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate());
        Loan closed = financing.loan(FinancingFixtures.actor(s.merchant(), PartyKind.MERCHANT), id).orElseThrow();
        assertThat(closed.state()).isEqualTo(LoanState.CLOSED);
        fx.assertLedgerEqualsSchedule(closed);
        assertThat(fx.credit(available)).isEqualTo(200_000);
        // the lender: its advance back plus the discount, less the platform's 1 % of every repayment
        PartyId lender = s.lender().partyId();
        assertThat(fx.credit("party:" + lender + ":LENDER_FUNDING:CNY")).isEqualTo(5_000_000 + 12_000 - 120 - 8_000);
        assertThat(fx.credit("party:" + lender + ":LENDER_LOANS:CNY")).isZero();
        assertThat(events.stream(LoanEvents.Repaid.class).filter(e -> e.loan().equals(id)))
                .allSatisfy(e -> assertThat(e.source()).isEqualTo("SWEEP")).hasSize(2);
        // an advance follows its receivables: it is not rescheduled
        Api.Response restructure = s.lender().api(port).with("Idempotency-Key", "extend-advance").post(FIN + "/loans/" + loan
                + "/restructurings", Map.of("extendMonths", 1, "reason", "slow marketplace"));
        assertThat(restructure.status()).isEqualTo(400);
        assertThat(restructure.body().get("detail").asString()).contains("only a term loan");
        // the receivables have settled: nothing pending, nothing to advance against
        assertThat(s.merchantApi().get(FIN + "/parties/" + s.merchant() + "/borrowing-base?currency=CNY").body()
                .get("pending").asLong()).isZero();
    }

    @Test
    void refundsThatShrinkThePendingBalanceBeforeAcceptanceRefuseTheAdvanceAndNothingIsDisbursed() {
        Setup s = setup();
        s.fx().capture(s.merchant(), "CNY", 1_000_000);
        Api.Response applied = apply(s.merchantApi(), s.programme(), 600_000, TimeOrderedIds.next().toString());
        assertThat(applied.status()).as(String.valueOf(applied.body())).isEqualTo(201);
        String loan = applied.body().get("id").asString();
        if ("REFERRED".equals(applied.body().get("state").asString())) {
            reviewer().post(FIN + "/loans/" + loan + "/decision", Map.of("decision", "APPROVE", "reason", "receivables verified"));
        }
        // refunds and a chargeback take 5,000.00 back from the pending sales: 80 % of what is left is 4,000.00
        s.fx().capture(s.merchant(), "CNY", -500_000);
        Api.Response refused = s.merchantApi().post(FIN + "/loans/" + loan + "/accept", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("OVER_ADVANCE");
        assertThat(refused.body().get("detail").asString()).contains("400000");
        JsonNode unchanged = s.merchantApi().get(FIN + "/loans/" + loan).body();
        assertThat(unchanged.get("state").asString()).isEqualTo("APPROVED");
        assertThat(s.fx().credit("party:" + s.lender().partyId() + ":LENDER_FUNDING:CNY")).isEqualTo(5_000_000);
        assertThat(s.fx().credit("party:" + s.merchant() + ":MERCHANT_AVAILABLE:CNY")).isZero();
    }

    @Test
    void badRequestsAnswerAClearProblemAndChangeNothing() {
        Setup s = setup();
        s.fx().capture(s.merchant(), "CNY", 1_000_000);
        Api lenderApi = s.lender().api(port);
        long audits = financingAudits();
        for (int rate : new int[] {0, -1, 10_001}) {
            Api.Response r = lenderApi.post(FIN + "/programmes", advanceProgramme(rate));
            assertThat(r.status()).as("advance rate " + rate).isEqualTo(400);
            assertThat(r.body().get("detail").asString()).contains("advanceRateBasisPoints");
        }
        assertThat(lenderApi.post(FIN + "/programmes", Map.of("name", "Term", "product", "TERM_LOAN", "currency", "CNY",
                "annualRate", 0.10, "months", 6, "advanceRateBasisPoints", 5_000, "limitsByGrade", Map.of("UNRATED", 1_000)))
                .code()).isEqualTo("INVALID_FIELD");
        Map<String, Object> noHoldback = new java.util.HashMap<>(advanceProgramme(8_000));
        noHoldback.put("holdbackBasisPoints", 0);
        assertThat(lenderApi.post(FIN + "/programmes", noHoldback).code()).isEqualTo("INVALID_FIELD");
        Map<String, Object> unknownCurrency = new java.util.HashMap<>(advanceProgramme(8_000));
        unknownCurrency.put("currency", "XXQ");
        assertThat(lenderApi.post(FIN + "/programmes", unknownCurrency).code()).isEqualTo("INVALID_FIELD");

        assertThat(apply(s.merchantApi(), s.programme(), -100, TimeOrderedIds.next().toString()).code()).isEqualTo("INVALID_FIELD");
        assertThat(apply(s.merchantApi(), s.programme(), 0, TimeOrderedIds.next().toString()).code()).isEqualTo("INVALID_FIELD");
        assertThat(s.merchantApi().get(FIN + "/parties/" + s.merchant() + "/borrowing-base?currency=XXQ").status()).isEqualTo(400);
        // another seller's borrowing base is not there for this one
        PartyId other = actors.party(PartyKind.MERCHANT).partyId();
        assertThat(s.merchantApi().get(FIN + "/parties/" + other + "/borrowing-base?currency=CNY").status()).isEqualTo(404);
        assertThat(financingAudits()).isEqualTo(audits);
        assertThat(loansOf(s.merchant())).isZero();
    }
}
