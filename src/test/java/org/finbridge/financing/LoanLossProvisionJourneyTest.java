package org.finbridge.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Loan-loss provisions in the ledger by days-past-due class (REGULATIONS.md §6.4, the nightly DPD job →
 * classification → provisioning), with the clock the test moves: 1 % while current, 2 % from the first day
 * overdue, 25 % once non-performing, and released in full when the loan is repaid.
 */
@ApplicationTest
class LoanLossProvisionJourneyTest {

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
    void theAllowanceFollowsTheLoanThroughItsClassesAndIsReleasedWhenItIsRepaid() {
        FinancingFixtures fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        Actor operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 5_000_000);
        Programme programme = fx.programme(lender, FinancingFixtures.termLoan("CNY", "0.12", 3,
                AmortizationMethod.EQUAL_PRINCIPAL, 0, 0, 2_000_000));
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        Loan loan = ((LoanResult.Done) financing.apply(m, merchant, programme.id(), 1_200_000, "prov-1")).loan();
        if (loan.state() == LoanState.REFERRED) {
            financing.decide(operator, loan.id(), true, "reviewed");
        }
        loan = ((LoanResult.Done) financing.accept(m, loan.id())).loan();
        LoanId id = loan.id();
        fx.spendAll(merchant, "CNY");
        String allowance = "loan:" + id + ":LOAN_LOSS_ALLOWANCE:CNY";
        String expense = "party:" + lender + ":LENDER_PROVISION_EXPENSE:CNY";

        // current: 1 % of the principal owed (the run's report sums every loan serviced in the shared application, so
        // this test reads only its own loan's allowance and its own lender's expense and portfolio)
        Actor l = FinancingFixtures.actor(lender, PartyKind.LENDER);
        financing.service(today());
        assertThat(fx.credit(allowance)).isEqualTo(12_000);
        assertThat(fx.debit(expense)).isEqualTo(12_000);
        assertThat(financing.portfolio(l, lender, "CNY").orElseThrow().provisions()).isEqualTo(12_000);
        // the same day again books nothing more
        financing.service(today());
        assertThat(fx.credit(allowance)).isEqualTo(12_000);

        // a day after the first instalment fell due unpaid: special mention, 2 %
        LocalDate firstDue = loan.schedule().getFirst().dueDate();
        advanceTo(firstDue.plusDays(1));
        financing.service(today());
        assertThat(financing.loan(operator, id).orElseThrow().classification()).isEqualTo(LoanClass.SPECIAL_MENTION);
        assertThat(fx.credit(allowance)).isEqualTo(24_000);

        // 91 days past due: substandard (non-performing), 25 %; the lender's portfolio shows what the ledger holds
        advanceTo(firstDue.plusDays(91));
        financing.service(today());
        Loan late = financing.loan(operator, id).orElseThrow();
        assertThat(late.classification()).isEqualTo(LoanClass.SUBSTANDARD);
        assertThat(fx.credit(allowance)).isEqualTo(300_000);
        assertThat(fx.debit(expense)).isEqualTo(300_000);
        Portfolio portfolio = financing.portfolio(l, lender, "CNY").orElseThrow();
        assertThat(portfolio.provisions()).isEqualTo(300_000);

        // the seller pays everything it owes: the loan closes and the next run releases the allowance
        long owed = late.outstanding().total();
        fx.settle(merchant, "CNY", owed * 2);
        LoanResult repaid = financing.repay(m, id, financing.loan(m, id).orElseThrow().outstanding().total(), "prov-repay");
        assertThat(repaid).as(String.valueOf(repaid)).isInstanceOf(LoanResult.Done.class);
        assertThat(financing.loan(m, id).orElseThrow().state()).isEqualTo(LoanState.CLOSED);
        financing.service(today());
        assertThat(fx.credit(allowance)).isZero();
        assertThat(fx.debit(expense)).isZero();
        assertThat(financing.portfolio(l, lender, "CNY").orElseThrow().provisions()).isZero();
    }
}
