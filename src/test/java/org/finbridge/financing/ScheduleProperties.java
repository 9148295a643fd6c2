package org.finbridge.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.finbridge.money.Money;

/** The schedule engine and the cost disclosure as properties over generated loans (REGULATIONS.md §6.2). */
class ScheduleProperties {

    @Provide
    Arbitrary<ScheduleTerms> terms() {
        return Combinators.combine(
                Arbitraries.longs().between(1, 100_000_000_000L),
                Arbitraries.integers().between(0, 3_600).map(bp -> BigDecimal.valueOf(bp, 4)),
                Arbitraries.integers().between(1, ScheduleTerms.MAX_MONTHS),
                Arbitraries.of(AmortizationMethod.class),
                Arbitraries.of(DayCount.class),
                Arbitraries.integers().between(0, 3_650).map(d -> LocalDate.of(2020, 1, 1).plusDays(d)))
                .as((p, rate, months, method, dayCount, start) ->
                        new ScheduleTerms(Money.ofMinor(p, "CNY"), rate, months, method, dayCount, start));
    }

    @Property
    void principalPartsSumExactlyToThePrincipalAndNothingIsLeftOwed(@ForAll("terms") ScheduleTerms terms) {
        Schedule s = Schedules.of(terms);
        assertThat(s.instalments()).hasSize(terms.months());
        assertThat(s.totalPrincipal()).isEqualTo(terms.principal().minorUnits());
        assertThat(s.instalments().getLast().remaining()).isZero();
    }

    @Property
    void interestIsNeverNegativeAndTheBalanceNeverGrows(@ForAll("terms") ScheduleTerms terms) {
        long previous = terms.principal().minorUnits();
        for (Instalment i : Schedules.of(terms).instalments()) {
            assertThat(i.interest()).isNotNegative();
            assertThat(i.principal()).isNotNegative();
            assertThat(i.remaining()).isEqualTo(previous - i.principal());
            assertThat(i.dueDate()).isEqualTo(terms.start().plusMonths(i.period()));
            previous = i.remaining();
        }
    }

    @Property
    void onlyTheLastInstalmentDepartsFromTheLevelAmount(@ForAll("terms") ScheduleTerms terms) {
        Schedule s = Schedules.of(terms);
        List<Instalment> allButLast = s.instalments().subList(0, terms.months() - 1);
        long p = terms.principal().minorUnits();
        switch (terms.method()) {
            case EQUAL_PRINCIPAL -> assertThat(allButLast).allSatisfy(i -> assertThat(i.principal()).isEqualTo(p / terms.months()));
            case INTEREST_FIRST -> assertThat(allButLast).allSatisfy(i -> assertThat(i.principal()).isZero());
            case EQUAL_INSTALLMENT -> {
                if (terms.dayCount() == DayCount.MONTHLY) {
                    long level = Schedules.annuityPayment(p, terms.annualRate(), terms.months());
                    // the level payment, except where it cannot amortize (interest only) or where rounding it
                    // up repays a tiny principal early (what is left, plus interest)
                    long before = p;
                    for (Instalment i : allButLast) {
                        assertThat(i.payment()).isIn(level, i.interest(), before + i.interest());
                        before = i.remaining();
                    }
                }
            }
        }
    }

    @Property(tries = 300)
    void theDisclosedAnnualRateIsTheInternalRateOfReturnOfTheActualCashFlows(
            @ForAll("terms") ScheduleTerms terms, @ForAll @IntRange(min = 0, max = 500) int feePerMille) {
        Schedule s = Schedules.of(terms);
        long fee = terms.principal().minorUnits() * feePerMille / 10_000;
        if (fee >= terms.principal().minorUnits()) {
            return;
        }
        AnnualCost cost = AnnualCost.ofSchedule(s, fee);
        List<CashFlow> flows = new ArrayList<>();
        flows.add(new CashFlow(0, -(terms.principal().minorUnits() - fee)));
        s.instalments().forEach(i -> flows.add(new CashFlow(i.period(), i.payment())));
        // an independent solver (Newton's method in doubles) finds the same rate
        double irr = newtonIrr(flows);
        assertThat(cost.periodicRate().doubleValue()).isCloseTo(irr, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cost.apr().doubleValue()).isCloseTo(irr * 12, org.assertj.core.data.Offset.offset(1e-8));
        assertThat(cost.effectiveRate().doubleValue()).isCloseTo(Math.pow(1 + irr, 12) - 1,
                org.assertj.core.data.Offset.offset(1e-7));
        // and at the disclosed rate the flows are worth nothing to either side
        assertThat(AnnualCost.netPresentValue(flows, cost.periodicRate()).abs())
                .isLessThan(BigDecimal.valueOf(terms.principal().minorUnits()).movePointLeft(12).max(new BigDecimal("1e-6")));
    }

    @Property(tries = 300)
    void withoutFeesTheAprOfAMonthlyScheduleIsItsNominalRate(@ForAll("terms") ScheduleTerms generated) {
        ScheduleTerms terms = new ScheduleTerms(Money.ofMinor(Math.max(10_000_000, generated.principal().minorUnits()), "CNY"),
                generated.annualRate(), generated.months(), generated.method(), DayCount.MONTHLY, generated.start());
        AnnualCost cost = AnnualCost.ofSchedule(Schedules.of(terms), 0);
        assertThat(cost.apr()).isCloseTo(terms.annualRate(), org.assertj.core.data.Offset.offset(new BigDecimal("0.0001")));
    }

    @Property(tries = 300)
    void aFeeAlwaysRaisesTheDisclosedRateAboveTheNominalRate(@ForAll("terms") ScheduleTerms generated) {
        ScheduleTerms terms = new ScheduleTerms(Money.ofMinor(Math.max(10_000_000, generated.principal().minorUnits()), "CNY"),
                generated.annualRate(), generated.months(), generated.method(), DayCount.MONTHLY, generated.start());
        long fee = terms.principal().minorUnits() / 100;
        assertThat(AnnualCost.ofSchedule(Schedules.of(terms), fee).apr())
                .isGreaterThan(AnnualCost.ofSchedule(Schedules.of(terms), 0).apr());
    }

    static double newtonIrr(List<CashFlow> flows) {
        double i = 0.01;
        for (int step = 0; step < 200; step++) {
            double npv = 0;
            double slope = 0;
            for (CashFlow f : flows) {
                npv += f.amount() / Math.pow(1 + i, f.period());
                slope -= f.period() * f.amount() / Math.pow(1 + i, f.period() + 1);
            }
            double next = i - npv / slope;
            if (Math.abs(next - i) < 1e-15) {
                return next;
            }
            i = next;
        }
        return i;
    }
}
