package org.finbridge.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A working-capital term loan from offer to closure, and into default: underwriting refers what it cannot
 * know, a person approves, the advance is disbursed through the ledger from the lender's funding, sales
 * settle and the sweep repays what falls due, the ledger equals the schedule after every repayment, and a
 * loan nobody repays goes down the five tiers into default with its events.
 */
@ApplicationTest
@RecordApplicationEvents
class TermLoanJourneyTest {

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
    @Autowired
    ApplicationEvents events;

    FinancingFixtures fx;
    Actor operator;

    @BeforeEach
    void setUp() {
        fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
    }

    LocalDate today() {
        return clock.instant().atZone(ZONE).toLocalDate();
    }

    void advanceTo(LocalDate date) {
        long days = ChronoUnit.DAYS.between(today(), date);
        if (days > 0) {
            clock.advance(Duration.ofDays(days));
        }
    }

    Loan loan(LoanId id) {
        return financing.loan(operator, id).orElseThrow();
    }

    /** Applies, has the referral approved by a person, and accepts: the advance is disbursed. */
    Loan disbursed(PartyId merchant, Programme programme, long principal) {
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        LoanResult applied = financing.apply(m, merchant, programme.id(), principal, "app-" + java.util.UUID.randomUUID());
        assertThat(applied).as(String.valueOf(applied)).isInstanceOf(LoanResult.Done.class);
        Loan loan = ((LoanResult.Done) applied).loan();
        assertThat(loan.state()).isEqualTo(LoanState.REFERRED);
        assertThat(financing.decide(operator, loan.id(), true, "sales reviewed by hand")).isInstanceOf(LoanResult.Done.class);
        LoanResult accepted = financing.accept(m, loan.id());
        assertThat(accepted).as(String.valueOf(accepted)).isInstanceOf(LoanResult.Done.class);
        return ((LoanResult.Done) accepted).loan();
    }

    @Test
    void offerApplyReferApproveDisburseSweepFromSettlementsAndClose() {
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 10_000_000);
        Programme programme = fx.programme(lender, FinancingFixtures.termLoan("CNY", "0.12", 3,
                AmortizationMethod.EQUAL_INSTALLMENT, 100, 10_000, 5_000_000));
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);

        // offer: the unrated limit, its full cost disclosed above the nominal 12 % because of the 1 % fee
        List<Offer> offers = financing.offers(m, merchant).orElseThrow().stream()
                .filter(o -> o.programmeId().equals(programme.id())).toList();
        assertThat(offers).singleElement().satisfies(o -> {
            assertThat(o.maxPrincipal()).isEqualTo(5_000_000);
            assertThat(o.grade()).isIn(CreditStanding.UNRATED, "A", "B", "C", "D");
            assertThat(o.apr()).isGreaterThan(new java.math.BigDecimal("0.12")).isLessThan(new java.math.BigDecimal("0.24"));
        });
        assertThat(financing.apply(m, merchant, programme.id(), 5_000_001, "too-much")).isInstanceOf(LoanResult.OverLimit.class);

        // application: nothing is known of the merchant's credit, listing or sales, so a person decides
        LoanResult applied = financing.apply(m, merchant, programme.id(), 1_200_000, "app-1");
        Loan loan = ((LoanResult.Done) applied).loan();
        assertThat(loan.state()).isEqualTo(LoanState.REFERRED);
        // the registry answers the listing; whether it has scored the merchant yet depends on earlier tests
        assertThat(loan.decision()).contains("DISHONESTY_LIST=PASS", "KYB_TIER=PASS",
                "EXPOSURE_LIMIT=PASS", "DEBT_SERVICE_COVERAGE=REFER");
        assertThat(financing.apply(m, merchant, programme.id(), 1_200_000, "app-1")).isInstanceOf(LoanResult.Existing.class);
        assertThat(financing.accept(m, loan.id())).isInstanceOf(LoanResult.IllegalState.class);
        assertThat(financing.decide(operator, loan.id(), true, "sales reviewed by hand")).isInstanceOf(LoanResult.Done.class);

        // contract accepted: disbursed from the lender's funding, the 1 % fee kept back
        loan = ((LoanResult.Done) financing.accept(m, loan.id())).loan();
        assertThat(loan.state()).isEqualTo(LoanState.ACTIVE);
        assertThat(loan.schedule()).hasSize(3);
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(1_188_000);
        // the lender paid 1,200,000 and received the fee less the platform's 1 % servicing share
        assertThat(fx.credit("party:" + lender + ":LENDER_FUNDING:CNY")).isEqualTo(10_000_000 - 1_200_000 + 12_000 - 120);
        assertThat(events.stream(LoanEvents.Disbursed.class).filter(e -> e.loan().equals(((LoanResult.Done) applied).loan().id())))
                .singleElement().extracting(LoanEvents.Disbursed::netAdvanced).isEqualTo(1_188_000L);
        fx.assertLedgerEqualsSchedule(loan);
        LoanId id = loan.id();

        // the merchant spends the advance on stock; its sales settle and the sweep repays each instalment
        fx.spendAll(merchant, "CNY");
        for (Loan.Line line : loan.schedule()) {
            advanceTo(line.dueDate().minusDays(1));
            financing.service(today());
            fx.assertLedgerEqualsSchedule(loan(id));
            advanceTo(line.dueDate());
            fx.settle(merchant, "CNY", 600_000);
            Financing.ServicingReport report = financing.service(today());
            assertThat(report.sweeps()).isPositive();
            Loan now = loan(id);
            fx.assertLedgerEqualsSchedule(now);
            assertThat(now.schedule().get(line.period() - 1).paid()).isEqualTo(now.schedule().get(line.period() - 1).due());
            assertThat(now.daysPastDue()).isZero();
        }
        Loan closed = loan(id);
        assertThat(closed.state()).isEqualTo(LoanState.CLOSED);
        assertThat(closed.outstanding().total()).isZero();
        long paid = closed.schedule().stream().mapToLong(Loan.Line::paid).sum();
        assertThat(paid).isEqualTo(closed.schedule().stream().mapToLong(Loan.Line::due).sum());
        // the merchant kept what the sweep did not need: three settlements less the three instalments
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(3 * 600_000 - paid);
        assertThat(events.stream(LoanEvents.Closed.class).filter(e -> e.loan().equals(id))).hasSize(1);
        assertThat(events.stream(LoanEvents.Repaid.class).filter(e -> e.loan().equals(id)))
                .allSatisfy(e -> assertThat(e.source()).isEqualTo("SWEEP")).hasSize(3);
        assertThat(financing.repay(m, id, 1, "late")).isInstanceOf(LoanResult.IllegalState.class);
    }

    @Test
    void theProgrammesLenderDecidesAReferralAndNoOtherLenderCanSeeIt() {
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 10_000_000);
        PartyId otherLender = actors.party(PartyKind.LENDER).partyId();
        Programme programme = fx.programme(lender, FinancingFixtures.termLoan("CNY", "0.12", 3,
                AmortizationMethod.EQUAL_INSTALLMENT, 0, 0, 3_000_000));
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        Loan loan = ((LoanResult.Done) financing.apply(m, merchant, programme.id(), 500_000,
                "app-" + java.util.UUID.randomUUID())).loan();
        assertThat(loan.state()).isEqualTo(LoanState.REFERRED);
        Actor own = FinancingFixtures.actor(lender, PartyKind.LENDER);

        assertThat(financing.decide(FinancingFixtures.actor(otherLender, PartyKind.LENDER), loan.id(), true, "not mine"))
                .isInstanceOf(LoanResult.NotFound.class);
        assertThat(financing.decide(m, loan.id(), true, "my own")).isInstanceOf(LoanResult.NotFound.class);
        assertThat(financing.decide(own, loan.id(), true, " ")).isInstanceOf(LoanResult.Invalid.class);
        assertThat(loan(loan.id()).state()).isEqualTo(LoanState.REFERRED);

        LoanResult approved = financing.decide(own, loan.id(), true, "twelve months of sales reviewed");
        assertThat(approved).as(String.valueOf(approved)).isInstanceOf(LoanResult.Done.class);
        assertThat(loan(loan.id()).state()).isEqualTo(LoanState.APPROVED);
        assertThat(loan(loan.id()).decision()).contains("REVIEW=APPROVE: twelve months of sales reviewed");
        assertThat(financing.decide(own, loan.id(), false, "changed my mind")).isInstanceOf(LoanResult.IllegalState.class);
    }

    @Test
    void anyManualRepaymentsAndPrepaymentsKeepTheLedgerEqualToTheSchedule() {
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 10_000_000);
        Random random = new Random(20261127);
        for (AmortizationMethod method : AmortizationMethod.values()) {
            Programme programme = fx.programme(lender, FinancingFixtures.termLoan("CNY", "0.15", 6, method, 50, 0, 3_000_000));
            Loan loan = disbursed(merchant, programme, 1_000_000 + random.nextInt(500_000));
            Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
            LoanId id = loan.id();
            int step = 0;
            while (loan(id).state() == LoanState.ACTIVE && step < 40) {
                step++;
                advanceTo(today().plusDays(1 + random.nextInt(25)));
                financing.service(today());
                Loan now = loan(id);
                if (now.state() != LoanState.ACTIVE) {
                    break;
                }
                long owed = now.outstanding().total();
                long amount = random.nextInt(4) == 0 ? owed : Math.max(1, Math.min(owed, random.nextInt(400_000)));
                fx.settle(merchant, "CNY", amount);
                LoanResult r = financing.repay(m, id, amount, "r" + step);
                assertThat(r).as(String.valueOf(r)).isInstanceOf(LoanResult.Done.class);
                assertThat(financing.repay(m, id, amount, "r" + step)).isInstanceOf(LoanResult.Existing.class);
                fx.assertLedgerEqualsSchedule(loan(id));
            }
            assertThat(loan(id).state()).as(method + " after " + step + " steps").isEqualTo(LoanState.CLOSED);
            Loan closed = loan(id);
            fx.assertLedgerEqualsSchedule(closed);
            assertThat(closed.schedule().stream().mapToLong(Loan.Line::paidPrincipal).sum()).isEqualTo(closed.principal());
        }
    }

    @Test
    void aLoanNobodyRepaysGoesDownTheFiveTiersIntoDefault() {
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 10_000_000);
        Programme programme = fx.programme(lender, FinancingFixtures.termLoan("CNY", "0.10", 3,
                AmortizationMethod.EQUAL_PRINCIPAL, 0, 0, 3_000_000));
        Loan loan = disbursed(merchant, programme, 900_000);
        LoanId id = loan.id();
        fx.spendAll(merchant, "CNY");
        LocalDate firstDue = loan.schedule().getFirst().dueDate();

        advanceTo(firstDue.plusDays(1));
        financing.service(today());
        Loan late = loan(id);
        assertThat(late.daysPastDue()).isEqualTo(1);
        assertThat(late.classification()).isEqualTo(LoanClass.SPECIAL_MENTION);
        assertThat(late.outstanding().penalty()).isPositive();
        fx.assertLedgerEqualsSchedule(late);

        advanceTo(firstDue.plusDays(91));
        financing.service(today());
        assertThat(loan(id).classification()).isEqualTo(LoanClass.SUBSTANDARD);
        advanceTo(firstDue.plusDays(271));
        financing.service(today());
        assertThat(loan(id).classification()).isEqualTo(LoanClass.DOUBTFUL);
        advanceTo(firstDue.plusDays(361));
        financing.service(today());
        Loan lost = loan(id);
        assertThat(lost.classification()).isEqualTo(LoanClass.LOSS);
        assertThat(lost.state()).isEqualTo(LoanState.DEFAULTED);
        fx.assertLedgerEqualsSchedule(lost);

        assertThat(events.stream(LoanEvents.Classified.class).filter(e -> e.loan().equals(id)).map(LoanEvents.Classified::to))
                .containsExactly(LoanClass.SPECIAL_MENTION, LoanClass.SUBSTANDARD, LoanClass.DOUBTFUL, LoanClass.LOSS);
        assertThat(events.stream(LoanEvents.Overdue.class).filter(e -> e.loan().equals(id)).map(LoanEvents.Overdue::daysPastDue))
                .startsWith(1);
        assertThat(events.stream(LoanEvents.Defaulted.class).filter(e -> e.loan().equals(id))).singleElement()
                .satisfies(e -> assertThat(e.outstanding()).isEqualTo(lost.outstanding().total()));
        assertThat(jdbc.sql("select count(*) from loan_classifications where loan_id = ?").param(id.value())
                .query(Long.class).single()).isEqualTo(4);

        // the lender sees it: non-performing, fully provisioned at loss
        Portfolio p = financing.portfolio(FinancingFixtures.actor(lender, PartyKind.LENDER), lender, "CNY").orElseThrow();
        assertThat(p.principalByClass().get(LoanClass.LOSS)).isEqualTo(900_000);
        assertThat(p.dpdBuckets().get("181+")).isEqualTo(900_000);
        assertThat(p.provisions()).isEqualTo(900_000);
        assertThat(p.vintages()).singleElement().satisfies(v -> assertThat(v.nonPerformingBasisPoints()).isEqualTo(10_000));
        // another lender sees nothing of it
        PartyId other = fx.fundedLender("CNY", 1);
        assertThat(financing.portfolio(FinancingFixtures.actor(other, PartyKind.LENDER), lender, "CNY")).isEmpty();
        assertThat(financing.loan(FinancingFixtures.actor(other, PartyKind.LENDER), id)).isEmpty();

        // recovery continues: a late repayment in full closes it
        fx.settle(merchant, "CNY", lost.outstanding().total());
        assertThat(financing.repay(FinancingFixtures.actor(merchant, PartyKind.MERCHANT), id, lost.outstanding().total(), "recovery"))
                .isInstanceOf(LoanResult.Done.class);
        assertThat(loan(id).state()).isEqualTo(LoanState.CLOSED);
        fx.assertLedgerEqualsSchedule(loan(id));
    }
}
