package org.finbridge.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.finbridge.ledger.Ledger;
import org.finbridge.money.Money;
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
 * Issue 8's default journey with the clock the test moves: a guaranteed loan with a security deposit is
 * disbursed (the seller pays the guarantee fee to the guarantor), falls overdue, is reclassified and reported
 * to the credit registry, defaults at the loss class; the deposit is applied, the guarantor pays its covered
 * share of the principal to the lender, and what the seller pays afterwards goes to the lender first and then
 * back to the guarantor (subrogation), until the loan closes.
 */
@ApplicationTest
class GuaranteedLoanDefaultJourneyTest {

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

    @Test
    void aDefaultedGuaranteedLoanIsClaimedFromTheGuarantorAndRecoveredForIt() {
        FinancingFixtures fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        Actor operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 5_000_000);
        TestActors.Credentials guarantorKey = actors.party(PartyKind.GUARANTOR);
        PartyId guarantor = guarantorKey.partyId();
        Actor g = FinancingFixtures.actor(guarantor, PartyKind.GUARANTOR);
        Actor l = FinancingFixtures.actor(lender, PartyKind.LENDER);
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        String guarantorFunds = "party:" + guarantor + ":GUARANTOR_FUNDS:CNY";
        String lenderFunding = "party:" + lender + ":LENDER_FUNDING:CNY";

        // the guarantor puts up money to pay claims and offers guarantees up to 1,000,000 for 1.5 %
        assertThat(financing.fundLender(operator, guarantor, Money.ofMinor(1_000_000, "CNY"), "guarantor-wire"))
                .isInstanceOf(LoanResult.Done.class);
        assertThat(financing.offerGuarantees(g, "CNY", 1_000_000, 150)).isInstanceOf(LoanResult.Done.class);
        assertThat(financing.offerGuarantees(g, "CNY", -1, 150)).isInstanceOf(LoanResult.Invalid.class);
        assertThat(financing.offerGuarantees(g, "CNY", 1_000_000, 6_000)).isInstanceOf(LoanResult.Invalid.class);
        assertThat(financing.offerGuarantees(l, "CNY", 1_000_000, 150)).isInstanceOf(LoanResult.Invalid.class);

        Programme programme = fx.programme(lender, FinancingFixtures.termLoan("CNY", "0.12", 3,
                AmortizationMethod.EQUAL_PRINCIPAL, 0, 0, 2_000_000));
        Loan applied = ((LoanResult.Done) financing.apply(m, merchant, programme.id(), 1_200_000, "guaranteed-1")).loan();
        if (applied.state() == LoanState.REFERRED) {
            financing.decide(operator, applied.id(), true, "reviewed");
        }
        LoanId id = applied.id();

        // full cover (1,200,000) is more than the guarantor's limit: refused, nothing written
        assertThat(financing.guarantee(l, id, guarantor, 10_000)).isEqualTo(new LoanResult.GuaranteeLimitExceeded(1_000_000));
        assertThat(financing.loan(l, id).orElseThrow().guarantee()).isNull();
        assertThat(financing.guarantee(l, id, guarantor, 0)).isInstanceOf(LoanResult.Invalid.class);
        assertThat(financing.guarantee(l, id, lender, 5_000)).isEqualTo(new LoanResult.NotFound("guarantor"));
        Actor otherLender = FinancingFixtures.actor(actors.party(PartyKind.LENDER).partyId(), PartyKind.LENDER);
        assertThat(financing.guarantee(otherLender, id, guarantor, 5_000)).isEqualTo(new LoanResult.NotFound("loan"));
        // 80 % is 960,000 of exposure; the fee is 1.5 % of the principal
        LoanResult guaranteed = financing.guarantee(l, id, guarantor, 8_000);
        assertThat(guaranteed).as(String.valueOf(guaranteed)).isInstanceOf(LoanResult.Done.class);
        Guarantee given = ((LoanResult.Done) guaranteed).loan().guarantee();
        assertThat(given.fee()).isEqualTo(18_000);
        // the fee is part of the disclosed annual cost
        assertThat(((LoanResult.Done) guaranteed).loan().apr()).isGreaterThan(applied.apr());
        assertThat(given.exposure()).isEqualTo(960_000);
        assertThat(financing.guarantee(l, id, guarantor, 8_000)).isInstanceOf(LoanResult.Existing.class);
        assertThat(financing.guarantees(g, guarantor, "CNY").orElseThrow().exposure()).isEqualTo(960_000);
        // a second loan cannot be guaranteed beyond the 40,000 left
        Loan second = ((LoanResult.Done) financing.apply(m, merchant, programme.id(), 100_000, "guaranteed-2")).loan();
        if (second.state() == LoanState.REFERRED) {
            financing.decide(operator, second.id(), true, "reviewed");
        }
        assertThat(financing.guarantee(l, second.id(), guarantor, 5_000)).isEqualTo(new LoanResult.GuaranteeLimitExceeded(40_000));

        // a security deposit of 100,000, then the advance: the seller pays the guarantor's fee out of it
        fx.settle(merchant, "CNY", 100_000);
        assertThat(financing.lodgeDeposit(m, id, 100_000, "guaranteed-deposit")).isInstanceOf(LoanResult.Done.class);
        Loan loan = ((LoanResult.Done) financing.accept(m, id)).loan();
        assertThat(fx.credit(guarantorFunds)).isEqualTo(1_018_000);
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(1_200_000 - 18_000);
        fx.spendAll(merchant, "CNY");

        // 91 days past due: substandard, and the credit registry records the serious overdue
        LocalDate firstDue = loan.schedule().getFirst().dueDate();
        advanceTo(firstDue.plusDays(91));
        financing.service(today());
        assertThat(financing.loan(operator, id).orElseThrow().classification()).isEqualTo(LoanClass.SUBSTANDARD);
        assertThat(jdbc.sql("""
                        select count(*) from credit_contributions
                        where subject_id = ? and category = 'REPAYMENT_OVERDUE' and source_record = ?""")
                .params(merchant.value(), id + "#overdue-90").query(Long.class).single()).isEqualTo(1);

        // 361 days past due: loss, default; the deposit is applied, then the guarantor pays 80 % of the principal owed
        advanceTo(firstDue.plusDays(361));
        financing.service(today());
        Loan defaulted = financing.loan(operator, id).orElseThrow();
        assertThat(defaulted.state()).isEqualTo(LoanState.DEFAULTED);
        assertThat(defaulted.classification()).isEqualTo(LoanClass.LOSS);
        assertThat(defaulted.deposit().state()).isEqualTo("APPLIED");
        assertThat(defaulted.deposit().applied()).isEqualTo(100_000);
        Guarantee claimed = defaulted.guarantee();
        assertThat(claimed.state()).isEqualTo("CLAIMED");
        long claim = claimed.claimed();
        assertThat(claim).isPositive().isEqualTo((defaulted.outstanding().principal() + claim) * 8_000 / 10_000);
        assertThat(claimed.exposure()).isZero();
        assertThat(claimed.owedToGuarantor()).isEqualTo(claim);
        fx.assertLedgerEqualsSchedule(defaulted);
        assertThat(fx.credit(guarantorFunds)).isEqualTo(1_018_000 - claim);
        assertThat(fx.credit("party:" + guarantor + ":GUARANTOR_RECOVERABLE:CNY")).isEqualTo(claim);
        assertThat(fx.debit("loan:" + id + ":LOAN_SUBROGATED:CNY")).isEqualTo(claim);
        assertThat(jdbc.sql("select count(*) from audit_trail where action = 'financing.guarantee.claimed' and object_id = ?")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);
        // a later run claims nothing more
        financing.service(today());
        assertThat(financing.loan(operator, id).orElseThrow().guarantee().claimed()).isEqualTo(claim);
        assertThat(fx.credit(guarantorFunds)).isEqualTo(1_018_000 - claim);

        // the guarantor sees its guarantee and claim over HTTP; another guarantor sees nothing
        Api guarantorApi = guarantorKey.api(port);
        JsonNode book = guarantorApi.get("/api/v1/financing/guarantors/" + guarantor + "/guarantees?currency=CNY").body();
        assertThat(book.get("exposureLimit").asLong()).isEqualTo(1_000_000);
        assertThat(book.get("claimed").asLong()).isEqualTo(claim);
        assertThat(book.get("guarantees")).hasSize(1);
        assertThat(book.get("guarantees").get(0).get("state").asString()).isEqualTo("CLAIMED");
        Api stranger = actors.party(PartyKind.GUARANTOR).api(port);
        assertThat(stranger.get("/api/v1/financing/guarantors/" + guarantor + "/guarantees").status()).isEqualTo(404);

        // the seller pays everything later: the lender's parts first, then the guarantor's claim; the loan closes
        long owedToLender = defaulted.outstanding().total();
        fx.settle(merchant, "CNY", owedToLender + claim);
        assertThat(financing.repay(m, id, owedToLender + claim + 1, "guaranteed-too-much")).isInstanceOf(LoanResult.Invalid.class);
        long lenderBeforeRecovery = fx.credit(lenderFunding);
        LoanResult recovered = financing.repay(m, id, owedToLender + claim, "guaranteed-recovery");
        assertThat(recovered).as(String.valueOf(recovered)).isInstanceOf(LoanResult.Done.class);
        Loan closed = financing.loan(operator, id).orElseThrow();
        assertThat(closed.state()).isEqualTo(LoanState.CLOSED);
        assertThat(closed.guarantee().recovered()).isEqualTo(claim);
        assertThat(closed.guarantee().owedToGuarantor()).isZero();
        assertThat(fx.credit(guarantorFunds)).isEqualTo(1_018_000);
        assertThat(fx.credit("party:" + guarantor + ":GUARANTOR_RECOVERABLE:CNY")).isZero();
        assertThat(fx.debit("loan:" + id + ":LOAN_SUBROGATED:CNY")).isZero();
        // the lender received what it was owed, less the platform's servicing fee on it
        long servicingFee = owedToLender / 100;
        assertThat(fx.credit(lenderFunding) - lenderBeforeRecovery).isBetween(owedToLender - servicingFee - 1, owedToLender);
        // and the next run releases the loss allowance the defaulted loan held
        financing.service(today());
        assertThat(fx.credit("loan:" + id + ":LOAN_LOSS_ALLOWANCE:CNY")).isZero();
    }

    @Test
    void aGuaranteedProgrammeGuaranteesEachLoanAtAcceptanceWithinTheGuarantorsLimit() {
        FinancingFixtures fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        Actor operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 5_000_000);
        PartyId guarantor = actors.party(PartyKind.GUARANTOR).partyId();
        Actor l = FinancingFixtures.actor(lender, PartyKind.LENDER);
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        assertThat(financing.offerGuarantees(FinancingFixtures.actor(guarantor, PartyKind.GUARANTOR), "CNY", 150_000, 100))
                .isInstanceOf(LoanResult.Done.class);
        Programme programme = fx.programme(lender, FinancingFixtures.termLoan("CNY", "0.10", 3,
                AmortizationMethod.EQUAL_INSTALLMENT, 0, 0, 1_000_000));

        assertThat(financing.guaranteeProgramme(l, programme.id(), guarantor, 0)).isInstanceOf(ProgrammeResult.Invalid.class);
        assertThat(financing.guaranteeProgramme(l, programme.id(), lender, 10_000))
                .isEqualTo(new ProgrammeResult.Invalid("guarantorId", "no such guarantor offering guarantees in CNY"));
        Actor otherLender = FinancingFixtures.actor(actors.party(PartyKind.LENDER).partyId(), PartyKind.LENDER);
        assertThat(financing.guaranteeProgramme(otherLender, programme.id(), guarantor, 10_000))
                .isEqualTo(new ProgrammeResult.Invalid("programme", "no such programme"));
        assertThat(financing.guaranteeProgramme(l, programme.id(), guarantor, 10_000)).isInstanceOf(ProgrammeResult.Published.class);

        LoanId first = approved(m, merchant, programme, operator, "pg-1");
        LoanId second = approved(m, merchant, programme, operator, "pg-2");
        LoanResult accepted = financing.accept(m, first);
        assertThat(accepted).as(String.valueOf(accepted)).isInstanceOf(LoanResult.Done.class);
        Guarantee g = ((LoanResult.Done) accepted).loan().guarantee();
        assertThat(g.guarantorId()).isEqualTo(guarantor);
        assertThat(g.exposure()).isEqualTo(100_000);
        assertThat(fx.credit("party:" + guarantor + ":GUARANTOR_FUNDS:CNY")).isEqualTo(1_000);

        // the second would take the guarantor to 200,000 of its 150,000: not disbursed
        long funding = fx.credit("party:" + lender + ":LENDER_FUNDING:CNY");
        assertThat(financing.accept(m, second)).isEqualTo(new LoanResult.GuaranteeLimitExceeded(50_000));
        assertThat(financing.loan(m, second).orElseThrow().state()).isEqualTo(LoanState.APPROVED);
        assertThat(financing.loan(m, second).orElseThrow().guarantee()).isNull();
        assertThat(fx.credit("party:" + lender + ":LENDER_FUNDING:CNY")).isEqualTo(funding);
        assertThat(financing.guarantees(FinancingFixtures.actor(guarantor, PartyKind.GUARANTOR), guarantor, "CNY")
                .orElseThrow().exposure()).isEqualTo(100_000);
    }

    @Test
    void aProgrammeGuaranteeGivenAtAnAcceptanceThatFailsIsReleasedAndTheNextAcceptanceTakesTheProgrammesTermsThen() {
        FinancingFixtures fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        Actor operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 5_000_000);
        PartyId guarantor = actors.party(PartyKind.GUARANTOR).partyId();
        Actor l = FinancingFixtures.actor(lender, PartyKind.LENDER);
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        Actor g = FinancingFixtures.actor(guarantor, PartyKind.GUARANTOR);
        assertThat(financing.offerGuarantees(g, "CNY", 150_000, 100)).isInstanceOf(LoanResult.Done.class);
        NewProgramme terms = FinancingFixtures.termLoan("CNY", "0.10", 3, AmortizationMethod.EQUAL_INSTALLMENT, 0, 0, 1_000_000);
        // the programme asks for a 10 % security deposit before disbursement
        Programme programme = fx.programme(lender, new NewProgramme(terms.name(), terms.product(), terms.currency(),
                terms.annualRate(), terms.months(), terms.method(), terms.dayCount(), 0, 0, 0, 0, 30, terms.penaltyRate(),
                terms.servicingFeeBasisPoints(), terms.limitsByGrade(), 0, 1_000));
        assertThat(financing.guaranteeProgramme(l, programme.id(), guarantor, 10_000)).isInstanceOf(ProgrammeResult.Published.class);
        LoanId id = approved(m, merchant, programme, operator, "pg-fail-" + java.util.UUID.randomUUID());
        java.math.BigDecimal apr = financing.loan(m, id).orElseThrow().apr();

        // the acceptance is refused for want of the deposit: the guarantee it gave goes with it
        assertThat(financing.accept(m, id)).isEqualTo(new LoanResult.DepositRequired(10_000, 0));
        Loan refused = financing.loan(m, id).orElseThrow();
        assertThat(refused.state()).isEqualTo(LoanState.APPROVED);
        assertThat(refused.guarantee()).isNull();
        assertThat(refused.apr()).isEqualByComparingTo(apr);
        GuarantorBook book = financing.guarantees(g, guarantor, "CNY").orElseThrow();
        assertThat(book.exposure()).isZero();
        assertThat(book.guarantees()).noneMatch(x -> x.loanId().equals(id));

        // the lender restates the programme's cover before the seller tries again: the loan takes the new terms
        assertThat(financing.guaranteeProgramme(l, programme.id(), guarantor, 5_000)).isInstanceOf(ProgrammeResult.Published.class);
        fx.settle(merchant, "CNY", 10_000);
        assertThat(financing.lodgeDeposit(m, id, 10_000, "deposit-" + id)).isInstanceOf(LoanResult.Done.class);
        LoanResult accepted = financing.accept(m, id);
        assertThat(accepted).as(String.valueOf(accepted)).isInstanceOf(LoanResult.Done.class);
        Guarantee given = ((LoanResult.Done) accepted).loan().guarantee();
        assertThat(given.coverageBasisPoints()).isEqualTo(5_000);
        assertThat(given.exposure()).isEqualTo(50_000);
        assertThat(financing.guarantees(g, guarantor, "CNY").orElseThrow().exposure()).isEqualTo(50_000);
    }

    private LoanId approved(Actor m, PartyId merchant, Programme programme, Actor operator, String reference) {
        Loan loan = ((LoanResult.Done) financing.apply(m, merchant, programme.id(), 100_000, reference)).loan();
        if (loan.state() == LoanState.REFERRED) {
            financing.decide(operator, loan.id(), true, "reviewed");
        }
        return loan.id();
    }

    @Test
    void theGuaranteeRoutesRefuseBadInputAndForeignLoans() {
        FinancingFixtures fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        Actor operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
        PartyId merchant = fx.approvedMerchant();
        TestActors.Credentials lenderKey = actors.party(PartyKind.LENDER);
        PartyId lender = lenderKey.partyId();
        TestActors.Credentials guarantorKey = actors.party(PartyKind.GUARANTOR);
        Api guarantorApi = guarantorKey.api(port);
        Api lenderApi = lenderKey.api(port);

        assertThat(guarantorApi.post("/api/v1/financing/guarantees/terms", Map.of("currency", "CNY", "exposureLimit", -5,
                "feeBasisPoints", 100)).code()).isEqualTo("INVALID_FIELD");
        assertThat(guarantorApi.post("/api/v1/financing/guarantees/terms", Map.of("currency", "XXQ", "exposureLimit", 5,
                "feeBasisPoints", 100)).code()).isEqualTo("INVALID_FIELD");
        assertThat(guarantorApi.post("/api/v1/financing/guarantees/terms", Map.of("currency", "CNY", "exposureLimit", 500_000,
                "feeBasisPoints", 100)).status()).isEqualTo(200);

        Programme programme = fx.programme(lender, FinancingFixtures.termLoan("CNY", "0.10", 3,
                AmortizationMethod.EQUAL_INSTALLMENT, 0, 0, 1_000_000));
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        Loan loan = ((LoanResult.Done) financing.apply(m, merchant, programme.id(), 100_000, "g-routes")).loan();
        if (loan.state() == LoanState.REFERRED) {
            financing.decide(operator, loan.id(), true, "reviewed");
        }
        String path = "/api/v1/financing/loans/" + loan.id() + "/guarantee";
        String guarantor = guarantorKey.partyId().toString();
        assertThat(lenderApi.post(path, Map.of("guarantorId", guarantor, "coverageBasisPoints", -1)).code()).isEqualTo("INVALID_FIELD");
        assertThat(lenderApi.post(path, Map.of("guarantorId", "pty_nonsense", "coverageBasisPoints", 5_000)).code())
                .isEqualTo("UNKNOWN_GUARANTOR");
        assertThat(lenderApi.post("/api/v1/financing/loans/" + LoanId.next(clock) + "/guarantee",
                Map.of("guarantorId", guarantor, "coverageBasisPoints", 5_000)).status()).isEqualTo(404);
        assertThat(actors.party(PartyKind.LENDER).api(port).post(path, Map.of("guarantorId", guarantor,
                "coverageBasisPoints", 5_000)).status()).isEqualTo(404);
        assertThat(financing.loan(operator, loan.id()).orElseThrow().guarantee()).isNull();
        Api.Response given = lenderApi.post(path, Map.of("guarantorId", guarantor, "coverageBasisPoints", 5_000));
        assertThat(given.status()).as(String.valueOf(given.body())).isEqualTo(200);
        assertThat(given.body().get("guarantee").get("exposure").asLong()).isEqualTo(50_000);
        assertThat(lenderApi.post(path, Map.of("guarantorId", guarantor, "coverageBasisPoints", 6_000)).status()).isEqualTo(409);
        // a fee that would take the loan's full annual cost over the cap is refused
        TestActors.Credentials expensive = actors.party(PartyKind.GUARANTOR);
        assertThat(expensive.api(port).post("/api/v1/financing/guarantees/terms", Map.of("currency", "CNY",
                "exposureLimit", 500_000, "feeBasisPoints", 5_000)).status()).isEqualTo(200);
        Loan other = ((LoanResult.Done) financing.apply(m, merchant, programme.id(), 100_000, "g-routes-2")).loan();
        if (other.state() == LoanState.REFERRED) {
            financing.decide(operator, other.id(), true, "reviewed");
        }
        Api.Response capped = lenderApi.post("/api/v1/financing/loans/" + other.id() + "/guarantee",
                Map.of("guarantorId", expensive.partyId().toString(), "coverageBasisPoints", 5_000));
        assertThat(capped.code()).as(String.valueOf(capped.body())).isEqualTo("RATE_CAP_EXCEEDED");
        assertThat(financing.loan(operator, other.id()).orElseThrow().guarantee()).isNull();
        assertThat(financing.loan(operator, other.id()).orElseThrow().apr()).isEqualTo(other.apr());
        // the merchant's key cannot give guarantees; the guarantor reads its book
        Api merchantApi = new Api(port, actors.key(merchant, ApiScope.grantableTo(PartyKind.MERCHANT).toArray(ApiScope[]::new)));
        assertThat(merchantApi.post(path, Map.of("guarantorId", guarantor, "coverageBasisPoints", 5_000)).status()).isEqualTo(403);
        JsonNode book = guarantorApi.get("/api/v1/financing/guarantors/" + guarantor + "/guarantees?currency=CNY").body();
        assertThat(book.get("exposure").asLong()).isEqualTo(50_000);
        assertThat(book.get("guarantees").get(0).get("loanId").asString()).isEqualTo(loan.id().toString());
    }
}
