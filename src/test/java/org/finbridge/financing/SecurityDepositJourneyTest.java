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
 * Security deposits (保证金): the seller's cash moved from its available balance into the loan's deposit
 * account, released back when the loan closes repaid, applied to what the loan owes when it defaults; a balance
 * that cannot pay it is refused and nothing moves.
 */
@ApplicationTest
class SecurityDepositJourneyTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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

    record Setup(FinancingFixtures fx, PartyId merchant, PartyId lender, Actor m, LoanId loan) {
        String available() {
            return "party:" + merchant + ":MERCHANT_AVAILABLE:CNY";
        }

        String deposit() {
            return "loan:" + loan + ":LOAN_DEPOSIT:CNY";
        }
    }

    /** An approved (not yet disbursed) 3-month term loan of 1,200,000 fen. */
    Setup approvedLoan(String reference) {
        FinancingFixtures fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        Actor operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 5_000_000);
        Programme programme = fx.programme(lender, FinancingFixtures.termLoan("CNY", "0.12", 3,
                AmortizationMethod.EQUAL_PRINCIPAL, 0, 0, 2_000_000));
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        Loan loan = ((LoanResult.Done) financing.apply(m, merchant, programme.id(), 1_200_000, reference)).loan();
        if (loan.state() == LoanState.REFERRED) {
            financing.decide(operator, loan.id(), true, "reviewed");
        }
        return new Setup(fx, merchant, lender, m, loan.id());
    }

    long depositAudits(LoanId loan) {
        return jdbc.sql("select count(*) from audit_trail where action like 'financing.loan.deposit%' and object_id = ?")
                .param(loan.toString()).query(Long.class).single();
    }

    @Test
    void aDepositLodgedAtAcceptanceIsReleasedToTheSellerWhenTheLoanIsRepaid() {
        Setup s = approvedLoan("dep-release");
        s.fx().settle(s.merchant(), "CNY", 300_000);

        LoanResult lodged = financing.lodgeDeposit(s.m(), s.loan(), 240_000, "dep-1");
        assertThat(lodged).as(String.valueOf(lodged)).isInstanceOf(LoanResult.Done.class);
        Loan.Deposit d = ((LoanResult.Done) lodged).loan().deposit();
        assertThat(d.state()).isEqualTo("HELD");
        assertThat(d.held()).isEqualTo(240_000);
        assertThat(s.fx().credit(s.deposit())).isEqualTo(240_000);
        assertThat(s.fx().credit(s.available())).isEqualTo(60_000);
        // the same request again answers the first; another reference is refused: one deposit per loan
        assertThat(financing.lodgeDeposit(s.m(), s.loan(), 240_000, "dep-1")).isInstanceOf(LoanResult.Existing.class);
        assertThat(financing.lodgeDeposit(s.m(), s.loan(), 10_000, "dep-2")).isInstanceOf(LoanResult.DepositHeld.class);
        assertThat(s.fx().credit(s.deposit())).isEqualTo(240_000);

        Loan active = ((LoanResult.Done) financing.accept(s.m(), s.loan())).loan();
        assertThat(active.deposit().held()).isEqualTo(240_000);
        // once the advance is out the deposit stays until the loan closes
        assertThat(financing.withdrawDeposit(s.m(), s.loan())).isInstanceOf(LoanResult.IllegalState.class);
        assertThat(s.fx().credit(s.deposit())).isEqualTo(240_000);
        long owed = active.outstanding().total();
        long before = s.fx().credit(s.available());
        LoanResult repaid = financing.repay(s.m(), s.loan(), owed, "dep-repay");
        assertThat(repaid).as(String.valueOf(repaid)).isInstanceOf(LoanResult.Done.class);

        Loan closed = financing.loan(s.m(), s.loan()).orElseThrow();
        assertThat(closed.state()).isEqualTo(LoanState.CLOSED);
        assertThat(closed.deposit().state()).isEqualTo("RELEASED");
        assertThat(closed.deposit().released()).isEqualTo(240_000);
        assertThat(closed.deposit().held()).isZero();
        assertThat(s.fx().credit(s.deposit())).isZero();
        assertThat(s.fx().credit(s.available())).isEqualTo(before - owed + 240_000);
        assertThat(depositAudits(s.loan())).isEqualTo(2);
    }

    @Test
    void aProgrammeAskingForADepositDisbursesOnlyOnceItIsHeld() {
        FinancingFixtures fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        Actor operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 5_000_000);
        NewProgramme t = FinancingFixtures.termLoan("CNY", "0.12", 3, AmortizationMethod.EQUAL_PRINCIPAL, 0, 0, 2_000_000);
        NewProgramme withDeposit = new NewProgramme(t.name(), t.product(), t.currency(), t.annualRate(), t.months(), t.method(),
                t.dayCount(), t.upfrontFeeBasisPoints(), t.fixedFeeBasisPoints(), t.holdbackBasisPoints(),
                t.minPaymentBasisPoints(), t.periodDays(), t.penaltyRate(), t.servicingFeeBasisPoints(), t.limitsByGrade(), 0,
                1_000);
        assertThat(financing.publish(FinancingFixtures.actor(lender, PartyKind.LENDER), new NewProgramme(t.name(), t.product(),
                t.currency(), t.annualRate(), t.months(), t.method(), t.dayCount(), 0, 0, 0, 0, 30, t.penaltyRate(), 100,
                t.limitsByGrade(), 0, 10_001))).isInstanceOf(ProgrammeResult.Invalid.class);
        Programme programme = fx.programme(lender, withDeposit);
        assertThat(programme.depositBasisPoints()).isEqualTo(1_000);
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        Loan loan = ((LoanResult.Done) financing.apply(m, merchant, programme.id(), 1_200_000, "dep-required")).loan();
        if (loan.state() == LoanState.REFERRED) {
            financing.decide(operator, loan.id(), true, "reviewed");
        }
        fx.settle(merchant, "CNY", 200_000);
        String funding = "party:" + lender + ":LENDER_FUNDING:CNY";

        // 10 % of the principal must be held first: nothing is disbursed without it, nor with less
        assertThat(financing.accept(m, loan.id())).isEqualTo(new LoanResult.DepositRequired(120_000, 0));
        assertThat(financing.lodgeDeposit(m, loan.id(), 100_000, "dep-required-1")).isInstanceOf(LoanResult.Done.class);
        assertThat(financing.accept(m, loan.id())).isEqualTo(new LoanResult.DepositRequired(120_000, 100_000));
        assertThat(financing.loan(m, loan.id()).orElseThrow().state()).isEqualTo(LoanState.APPROVED);
        assertThat(fx.credit(funding)).isEqualTo(5_000_000);
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(100_000);
    }

    @Test
    void aDepositAtTheProgrammesRateLetsTheAdvanceGoOut() {
        FinancingFixtures fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        Actor operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 5_000_000);
        NewProgramme t = FinancingFixtures.termLoan("CNY", "0.12", 3, AmortizationMethod.EQUAL_PRINCIPAL, 0, 0, 2_000_000);
        Programme programme = fx.programme(lender, new NewProgramme(t.name(), t.product(), t.currency(), t.annualRate(),
                t.months(), t.method(), t.dayCount(), 0, 0, 0, 0, 30, t.penaltyRate(), 100, t.limitsByGrade(), 0, 1_000));
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        Loan loan = ((LoanResult.Done) financing.apply(m, merchant, programme.id(), 1_200_000, "dep-rate")).loan();
        if (loan.state() == LoanState.REFERRED) {
            financing.decide(operator, loan.id(), true, "reviewed");
        }
        fx.settle(merchant, "CNY", 120_000);
        assertThat(financing.lodgeDeposit(m, loan.id(), 120_000, "dep-rate-1")).isInstanceOf(LoanResult.Done.class);
        LoanResult accepted = financing.accept(m, loan.id());
        assertThat(accepted).as(String.valueOf(accepted)).isInstanceOf(LoanResult.Done.class);
        assertThat(((LoanResult.Done) accepted).loan().state()).isEqualTo(LoanState.ACTIVE);
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(1_200_000);
        assertThat(fx.credit("loan:" + loan.id() + ":LOAN_DEPOSIT:CNY")).isEqualTo(120_000);
    }

    @Test
    void aBalanceThatCannotPayTheDepositIsRefusedAndNothingMoves() {
        Setup s = approvedLoan("dep-short");
        s.fx().settle(s.merchant(), "CNY", 50_000);

        LoanResult r = financing.lodgeDeposit(s.m(), s.loan(), 100_000, "dep-short-1");
        assertThat(r).isEqualTo(new LoanResult.InsufficientFunds(50_000));
        assertThat(s.fx().credit(s.available())).isEqualTo(50_000);
        assertThat(s.fx().credit(s.deposit())).isZero();
        assertThat(financing.loan(s.m(), s.loan()).orElseThrow().deposit()).isNull();
        assertThat(depositAudits(s.loan())).isZero();
        // not positive, no reference, or another party's loan: refused before anything is looked at
        assertThat(financing.lodgeDeposit(s.m(), s.loan(), -1, "dep-short-2")).isInstanceOf(LoanResult.Invalid.class);
        assertThat(financing.lodgeDeposit(s.m(), s.loan(), 1, " ")).isInstanceOf(LoanResult.Invalid.class);
        Actor stranger = FinancingFixtures.actor(actors.party(PartyKind.MERCHANT).partyId(), PartyKind.MERCHANT);
        assertThat(financing.lodgeDeposit(stranger, s.loan(), 1, "dep-short-3")).isInstanceOf(LoanResult.NotFound.class);
        assertThat(financing.lodgeDeposit(s.m(), LoanId.next(clock), 1, "dep-short-4")).isInstanceOf(LoanResult.NotFound.class);
        assertThat(s.fx().credit(s.available())).isEqualTo(50_000);
    }

    @Test
    void onDefaultTheDepositPaysWhatTheLoanOwesAndRecoveryContinuesForTheRest() {
        Setup s = approvedLoan("dep-default");
        s.fx().settle(s.merchant(), "CNY", 300_000);
        assertThat(financing.lodgeDeposit(s.m(), s.loan(), 300_000, "dep-d")).isInstanceOf(LoanResult.Done.class);
        Loan loan = ((LoanResult.Done) financing.accept(s.m(), s.loan())).loan();
        s.fx().spendAll(s.merchant(), "CNY");
        Actor operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);

        // servicing on the day the loan passes 360 days past due declares it in default: the deposit is applied
        advanceTo(loan.schedule().getFirst().dueDate().plusDays(361));
        financing.service(today());
        Loan defaulted = financing.loan(operator, s.loan()).orElseThrow();
        assertThat(defaulted.state()).isEqualTo(LoanState.DEFAULTED);
        assertThat(defaulted.classification()).isEqualTo(LoanClass.LOSS);
        assertThat(defaulted.deposit().state()).isEqualTo("APPLIED");
        assertThat(defaulted.deposit().applied()).isEqualTo(300_000);
        assertThat(defaulted.deposit().held()).isZero();
        assertThat(s.fx().credit(s.deposit())).isZero();
        long fromDeposit = jdbc.sql("select amount from loan_repayments where loan_id = ? and source = 'DEPOSIT'")
                .param(s.loan().value()).query(Long.class).single();
        assertThat(fromDeposit).isEqualTo(300_000);
        assertThat(defaulted.outstanding().total()).isPositive();
        s.fx().assertLedgerEqualsSchedule(defaulted);
        // nothing of the deposit went back to the seller
        assertThat(s.fx().credit(s.available())).isZero();

        // the seller repays the rest later: the loan closes and there is no deposit left to release
        s.fx().settle(s.merchant(), "CNY", defaulted.outstanding().total() + 1_000_000);
        LoanResult rest = financing.repay(s.m(), s.loan(), financing.loan(s.m(), s.loan()).orElseThrow().outstanding().total(),
                "dep-rest");
        assertThat(rest).as(String.valueOf(rest)).isInstanceOf(LoanResult.Done.class);
        Loan closed = financing.loan(s.m(), s.loan()).orElseThrow();
        assertThat(closed.state()).isEqualTo(LoanState.CLOSED);
        assertThat(closed.deposit().state()).isEqualTo("APPLIED");
        assertThat(closed.deposit().released()).isZero();
        // the next run releases the loss allowance the defaulted loan held
        financing.service(today());
        assertThat(s.fx().credit("loan:" + s.loan() + ":LOAN_LOSS_ALLOWANCE:CNY")).isZero();
    }

    @Test
    void theSellerLodgesItsDepositOverHttpAndSeesItOnTheLoan() {
        Setup s = approvedLoan("dep-http");
        s.fx().settle(s.merchant(), "CNY", 200_000);
        Api merchantApi = new Api(port, actors.key(s.merchant(), ApiScope.grantableTo(PartyKind.MERCHANT).toArray(ApiScope[]::new)));
        String path = "/api/v1/financing/loans/" + s.loan() + "/deposit";

        // bad input first: nothing moves
        assertThat(merchantApi.with("Idempotency-Key", "h-0").post(path, Map.of("amount", -5)).code()).isEqualTo("INVALID_FIELD");
        assertThat(merchantApi.post(path, Map.of("amount", 5)).code()).isEqualTo("INVALID_FIELD");
        Api.Response tooMuch = merchantApi.with("Idempotency-Key", "h-0").post(path, Map.of("amount", 500_000));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(merchantApi.with("Idempotency-Key", "h-0").post("/api/v1/financing/loans/loan_nonsense/deposit",
                Map.of("amount", 5)).status()).isEqualTo(404);
        assertThat(merchantApi.with("Idempotency-Key", "h-0").post("/api/v1/financing/loans/" + LoanId.next(clock) + "/deposit",
                Map.of("amount", 5)).status()).isEqualTo(404);
        Api stranger = new Api(port, actors.key(actors.party(PartyKind.MERCHANT).partyId(),
                ApiScope.grantableTo(PartyKind.MERCHANT).toArray(ApiScope[]::new)));
        assertThat(stranger.with("Idempotency-Key", "h-0").post(path, Map.of("amount", 5)).status()).isEqualTo(404);
        assertThat(s.fx().credit(s.available())).isEqualTo(200_000);
        assertThat(depositAudits(s.loan())).isZero();

        Api.Response lodged = merchantApi.with("Idempotency-Key", "h-1").post(path, Map.of("amount", 150_000));
        assertThat(lodged.status()).as(String.valueOf(lodged.body())).isEqualTo(201);
        assertThat(lodged.body().get("deposit").get("held").asLong()).isEqualTo(150_000);
        Api.Response again = merchantApi.with("Idempotency-Key", "h-1").post(path, Map.of("amount", 150_000));
        assertThat(again.status()).isEqualTo(200);
        Api.Response other = merchantApi.with("Idempotency-Key", "h-2").post(path, Map.of("amount", 10_000));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("DEPOSIT_HELD");
        assertThat(s.fx().credit(s.available())).isEqualTo(50_000);
        assertThat(s.fx().credit(s.deposit())).isEqualTo(150_000);

        JsonNode view = merchantApi.get("/api/v1/financing/loans/" + s.loan()).body();
        assertThat(view.get("deposit").get("state").asString()).isEqualTo("HELD");
        assertThat(view.get("deposit").get("amount").asLong()).isEqualTo(150_000);

        // the seller changes its mind before the advance: the deposit goes back, and cannot be lodged again
        assertThat(stranger.post(path + "/withdrawal", Map.of()).status()).isEqualTo(404);
        Api.Response withdrawn = merchantApi.post(path + "/withdrawal", Map.of());
        assertThat(withdrawn.status()).as(String.valueOf(withdrawn.body())).isEqualTo(200);
        assertThat(withdrawn.body().get("deposit").get("state").asString()).isEqualTo("RELEASED");
        assertThat(s.fx().credit(s.available())).isEqualTo(200_000);
        assertThat(s.fx().credit(s.deposit())).isZero();
        assertThat(merchantApi.post(path + "/withdrawal", Map.of()).status()).isEqualTo(409);
        assertThat(merchantApi.with("Idempotency-Key", "h-3").post(path, Map.of("amount", 10_000)).code()).isEqualTo("DEPOSIT_HELD");
        assertThat(s.fx().credit(s.available())).isEqualTo(200_000);
    }
}
