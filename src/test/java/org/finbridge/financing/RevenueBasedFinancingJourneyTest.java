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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Revenue-based financing (Stripe Capital pattern, REGULATIONS.md §6.1): an advance and one fixed fee, 15 %
 * of every settlement swept until the total is paid, with a minimum payment per 30 days that the slow
 * seller first nears and then breaches; the seller repays from its own sales without lifting a finger.
 */
@ApplicationTest
@RecordApplicationEvents
class RevenueBasedFinancingJourneyTest {

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
    ApplicationEvents events;

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
    void fifteenPercentOfEverySettlementRepaysTheAdvanceAndItsFeeThenTheLoanCloses() {
        FinancingFixtures fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        Actor operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 5_000_000);
        // a 10 % fee expected back over six months costs about 33 % a year: over the 24 % cap (REGULATIONS.md §6.3)
        ProgrammeResult tooDear = financing.publish(FinancingFixtures.actor(lender, PartyKind.LENDER),
                FinancingFixtures.revenueBased("CNY", 1_000, 1_500, 1_000, 2_000_000));
        assertThat(tooDear).isInstanceOfSatisfying(ProgrammeResult.RateCapExceeded.class,
                r -> assertThat(r.apr()).isGreaterThan(new java.math.BigDecimal("0.33")));
        Programme programme = fx.programme(lender, FinancingFixtures.revenueBased("CNY", 500, 1_500, 1_000, 2_000_000));
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);

        Offer offer = financing.offers(m, merchant).orElseThrow().stream().filter(o -> o.programmeId().equals(programme.id()))
                .findFirst().orElseThrow();
        assertThat(offer.product()).isEqualTo(Product.REVENUE_BASED);
        assertThat(offer.holdbackBasisPoints()).isEqualTo(1_500);
        assertThat(offer.apr()).isGreaterThan(new java.math.BigDecimal("0.15")).isLessThanOrEqualTo(new java.math.BigDecimal("0.24"));

        Loan loan = ((LoanResult.Done) financing.apply(m, merchant, programme.id(), 1_000_000, "rbf-1")).loan();
        assertThat(loan.fixedFee()).isEqualTo(50_000);
        assertThat(loan.minPayment()).isEqualTo(105_000);
        assertThat(financing.decide(operator, loan.id(), true, "marketplace sales history checked")).isInstanceOf(LoanResult.Done.class);
        loan = ((LoanResult.Done) financing.accept(m, loan.id())).loan();
        LoanId id = loan.id();
        LocalDate start = loan.disbursedOn();
        assertThat(loan.outstanding().total()).isEqualTo(1_050_000);
        fx.assertLedgerEqualsSchedule(loan);
        fx.spendAll(merchant, "CNY");

        // day 5: a settlement of 4,000.00 pays 15 %, the fee first, then principal
        advanceTo(start.plusDays(5));
        fx.settle(merchant, "CNY", 400_000);
        financing.service(today());
        Loan afterFirst = financing.loan(m, id).orElseThrow();
        assertThat(afterFirst.outstanding().fees()).isZero();
        assertThat(afterFirst.outstanding().principal()).isEqualTo(990_000);
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(340_000);
        fx.assertLedgerEqualsSchedule(afterFirst);
        // serviced again the same day: the settlement is not swept twice
        financing.service(today());
        assertThat(financing.loan(m, id).orElseThrow().outstanding().total()).isEqualTo(990_000);

        // day 20: behind the minimum's pace → near breach; day 31: the first 30 days paid less → breach
        advanceTo(start.plusDays(20));
        financing.service(today());
        assertThat(financing.loan(m, id).orElseThrow().breachStatus()).isEqualTo("NEAR_BREACH");
        advanceTo(start.plusDays(31));
        financing.service(today());
        assertThat(financing.loan(m, id).orElseThrow().breachStatus()).isEqualTo("BREACH");

        // a strong month: 15 % of 80,000.00 is more than is owed; the sweep takes only what is owed
        fx.settle(merchant, "CNY", 8_000_000);
        Financing.ServicingReport report = financing.service(today());
        assertThat(report.swept()).isGreaterThanOrEqualTo(990_000);
        Loan closed = financing.loan(m, id).orElseThrow();
        assertThat(closed.state()).isEqualTo(LoanState.CLOSED);
        fx.assertLedgerEqualsSchedule(closed);
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(340_000 + 8_000_000 - 990_000);
        // the lender got its advance and fee back less the platform's 1 % servicing share
        assertThat(fx.credit("party:" + lender + ":LENDER_FUNDING:CNY")).isEqualTo(5_000_000 - 1_000_000 + 1_050_000 - 10_500);
        assertThat(fx.credit("party:" + lender + ":LENDER_LOANS:CNY")).isZero();
        assertThat(events.stream(LoanEvents.Repaid.class).filter(e -> e.loan().equals(id)))
                .allSatisfy(e -> assertThat(e.source()).isEqualTo("SWEEP")).hasSize(2);
        assertThat(events.stream(LoanEvents.Closed.class).filter(e -> e.loan().equals(id))).hasSize(1);
    }
}
