package org.finbridge.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A seller ten days late on its first instalment, because its marketplace held its payouts, has its term
 * loan extended: the lender proposes with a reason, a reviewer rejects a first proposal, a reviewer cannot
 * approve what it proposed itself (four eyes), another approves; the principal owed is rescheduled over the
 * instalments not yet due plus the extension, the old schedule is kept, nothing moves in the ledger, and the
 * ledger still equals the schedule through the next instalment.
 */
@ApplicationTest
class LoanRestructuringJourneyTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
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

    LocalDate today() {
        return clock.instant().atZone(ZONE).toLocalDate();
    }

    void advanceTo(LocalDate date) {
        long days = ChronoUnit.DAYS.between(today(), date);
        if (days > 0) {
            clock.advance(Duration.ofDays(days));
        }
    }

    long audits(String action) {
        return jdbc.sql("select count(*) from audit_trail where action = ?").param(action).query(Long.class).single();
    }

    Api.Response propose(Api api, String loan, String key, Map<String, Object> body) {
        return (key == null ? api : api.with("Idempotency-Key", key)).post(FIN + "/loans/" + loan + "/restructurings", body);
    }

    @Test
    void aLateSellersLoanIsExtendedWithFourEyesAndTheOldScheduleIsKept() {
        Api operator = actors.operator().api(port);
        FinancingFixtures fx = new FinancingFixtures(operator, actors, ledger, financing, sweeps, clock);
        Actor operatorActor = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
        PartyId merchant = fx.approvedMerchant();
        TestActors.Credentials lender = actors.party(PartyKind.LENDER);
        assertThat(operator.post(FIN + "/lenders/" + lender.partyId() + "/funding", Map.of("amount", 5_000_000,
                "currency", "CNY", "reference", "wire-" + lender.partyId())).status()).isEqualTo(200);
        Programme programme = fx.programme(lender.partyId(), FinancingFixtures.termLoan("CNY", "0.12", 3,
                AmortizationMethod.EQUAL_INSTALLMENT, 0, 0, 2_000_000));
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        Loan applied = ((LoanResult.Done) financing.apply(m, merchant, programme.id(), 1_200_000, "restructure-1")).loan();
        if (applied.state() == LoanState.REFERRED) {
            financing.decide(operatorActor, applied.id(), true, "reviewed");
        }
        Loan loan = ((LoanResult.Done) financing.accept(m, applied.id())).loan();
        String id = loan.id().toString();
        fx.spendAll(merchant, "CNY");
        advanceTo(loan.schedule().getFirst().dueDate().plusDays(10));
        financing.service(today());
        Loan late = financing.loan(operatorActor, loan.id()).orElseThrow();
        assertThat(late.daysPastDue()).isEqualTo(10);
        assertThat(late.classification()).isEqualTo(LoanClass.SPECIAL_MENTION);

        Api lenderApi = lender.api(port);
        Map<String, Object> threeMonths = Map.of("extendMonths", 3, "reason", "marketplace held the seller's payouts for 30 days");
        // bad input: a clear problem, nothing recorded
        long proposed = audits("financing.loan.restructuring.proposed");
        assertThat(propose(lenderApi, id, "r-0", Map.of("extendMonths", 0, "reason", "x")).code()).isEqualTo("INVALID_FIELD");
        assertThat(propose(lenderApi, id, "r-0", Map.of("extendMonths", 61, "reason", "x")).code()).isEqualTo("INVALID_FIELD");
        assertThat(propose(lenderApi, id, "r-0", Map.of("extendMonths", -3, "reason", "x")).code()).isEqualTo("INVALID_FIELD");
        assertThat(propose(lenderApi, id, "r-0", Map.of("extendMonths", 3, "reason", " ")).code()).isEqualTo("INVALID_FIELD");
        assertThat(propose(lenderApi, id, null, threeMonths).code()).isEqualTo("INVALID_FIELD");
        // another lender, and the seller itself, cannot propose
        assertThat(propose(actors.party(PartyKind.LENDER).api(port), id, "r-x", threeMonths).status()).isEqualTo(404);
        Api merchantApi = new Api(port, actors.key(merchant, ApiScope.grantableTo(PartyKind.MERCHANT).toArray(ApiScope[]::new)));
        assertThat(propose(merchantApi, id, "r-x", threeMonths).status()).isEqualTo(403);
        assertThat(audits("financing.loan.restructuring.proposed")).isEqualTo(proposed);

        // the lender proposes; the same Idempotency-Key answers the same proposal; a second one waits for the first
        Api.Response first = propose(lenderApi, id, "r-1", threeMonths);
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(201);
        String firstId = first.body().get("restructuring").get("id").asString();
        assertThat(first.body().get("restructuring").get("state").asString()).isEqualTo("PROPOSED");
        Api.Response again = propose(lenderApi, id, "r-1", threeMonths);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("restructuring").get("id").asString()).isEqualTo(firstId);
        assertThat(propose(lenderApi, id, "r-2", threeMonths).status()).isEqualTo(409);

        // a reviewer rejects it: the schedule is as it was
        Api reviewer = new Api(port, actors.key(actors.operator().partyId(), ApiScope.LOANS_REVIEW, ApiScope.LOANS_READ));
        Api.Response rejected = reviewer.post(FIN + "/loans/" + id + "/restructurings/decision",
                Map.of("decision", "REJECT", "reason", "ask for the marketplace's letter first"));
        assertThat(rejected.status()).as(String.valueOf(rejected.body())).isEqualTo(200);
        assertThat(rejected.body().get("restructuring").get("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.body().get("loan").get("schedule")).hasSize(3);

        // the credit desk proposes six months and cannot approve its own proposal
        Api desk = new Api(port, actors.key(actors.operator().partyId(), ApiScope.LOANS_WRITE, ApiScope.LOANS_REVIEW,
                ApiScope.LOANS_READ));
        Api.Response second = propose(desk, id, "r-3", Map.of("extendMonths", 6, "reason", "marketplace letter received"));
        assertThat(second.status()).as(String.valueOf(second.body())).isEqualTo(201);
        Api.Response own = desk.post(FIN + "/loans/" + id + "/restructurings/decision", Map.of("decision", "APPROVE", "reason", "ok"));
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.code()).isEqualTo("FOUR_EYES_REQUIRED");
        assertThat(financing.loan(operatorActor, loan.id()).orElseThrow().schedule()).hasSize(3);
        assertThat(reviewer.post(FIN + "/loans/" + id + "/restructurings/decision", Map.of("decision", "MAYBE", "reason", "x"))
                .code()).isEqualTo("INVALID_FIELD");

        // another reviewer approves: two instalments not yet due plus six, from today; what is owed is unchanged
        Api.Response approved = reviewer.post(FIN + "/loans/" + id + "/restructurings/decision",
                Map.of("decision", "APPROVE", "reason", "payout hold confirmed by the marketplace"));
        assertThat(approved.status()).as(String.valueOf(approved.body())).isEqualTo(200);
        assertThat(approved.body().get("restructuring").get("state").asString()).isEqualTo("APPROVED");
        Loan rescheduled = financing.loan(operatorActor, loan.id()).orElseThrow();
        assertThat(rescheduled.schedule()).hasSize(8);
        assertThat(rescheduled.schedule().getFirst().dueDate()).isEqualTo(today().plusMonths(1));
        assertThat(rescheduled.daysPastDue()).isZero();
        assertThat(rescheduled.outstanding().principal()).isEqualTo(1_200_000);
        assertThat(rescheduled.outstanding().interest()).isPositive().isEqualTo(late.outstanding().interest());
        assertThat(rescheduled.outstanding().penalty()).isEqualTo(late.outstanding().penalty());
        assertThat(rescheduled.schedule().stream().mapToLong(Loan.Line::principal).sum()).isEqualTo(1_200_000);
        fx.assertLedgerEqualsSchedule(rescheduled);
        JsonNode history = merchantApi.get(FIN + "/loans/" + id + "/restructurings").body();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("state").asString()).isEqualTo("APPROVED");
        assertThat(history.get(0).get("reason").asString()).isEqualTo("marketplace letter received");
        assertThat(history.get(0).get("previousSchedule")).hasSize(3);
        assertThat(history.get(0).get("previousSchedule").get(0).get("dueDate").asString())
                .isEqualTo(loan.schedule().getFirst().dueDate().toString());
        assertThat(audits("financing.loan.restructured")).isPositive();
        // nothing left to decide
        assertThat(reviewer.post(FIN + "/loans/" + id + "/restructurings/decision", Map.of("decision", "APPROVE", "reason", "x"))
                .status()).isEqualTo(409);

        // the first new instalment falls due and is debited from the seller's sales: interest accrued in full,
        // the ledger still equals the schedule
        LocalDate due = rescheduled.schedule().getFirst().dueDate();
        advanceTo(due);
        fx.settle(merchant, "CNY", rescheduled.schedule().getFirst().due() + 50_000);
        financing.service(today());
        Loan paid = financing.loan(operatorActor, loan.id()).orElseThrow();
        assertThat(paid.schedule().getFirst().paid()).isEqualTo(paid.schedule().getFirst().due());
        assertThat(paid.daysPastDue()).isZero();
        fx.assertLedgerEqualsSchedule(paid);
    }
}
