package org.finbridge.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Sample schedules checked line by line against the closed-form formulas of REGULATIONS.md §6.2:
 * CNY 12,000.00 over 12 months at 12 % a year (r = 1 % a month).
 */
class ClosedFormScheduleTest {

    static final Money PRINCIPAL = Money.ofMinor(1_200_000, "CNY");
    static final BigDecimal RATE = new BigDecimal("0.12");
    static final LocalDate START = LocalDate.of(2026, 1, 31);

    static Schedule schedule(AmortizationMethod method) {
        return Schedules.of(new ScheduleTerms(PRINCIPAL, RATE, 12, method, DayCount.MONTHLY, START));
    }

    @Test
    void equalInstalmentsPayTheAnnuityAndInterestOnTheOutstandingBalance() {
        // M = P·r·(1+r)^n / ((1+r)^n − 1) = 12000 × 0.01 × 1.01^12 / (1.01^12 − 1) = 1066.1854… → 106619 fen
        double r = 0.01;
        double m = 1_200_000 * r * Math.pow(1 + r, 12) / (Math.pow(1 + r, 12) - 1);
        assertThat(Math.round(m)).isEqualTo(106_619);
        Schedule s = schedule(AmortizationMethod.EQUAL_INSTALLMENT);
        long outstanding = 1_200_000;
        for (Instalment i : s.instalments()) {
            assertThat(i.interest()).isEqualTo(Math.round(outstanding * r));
            if (i.period() < 12) {
                assertThat(i.payment()).isEqualTo(106_619);
            }
            outstanding -= i.principal();
        }
        Instalment first = s.instalments().getFirst();
        assertThat(first).isEqualTo(new Instalment(1, LocalDate.of(2026, 2, 28), 106_619, 94_619, 12_000, 1_105_381));
        // the last instalment absorbs the rounding of the eleven before it: within a few fen of M
        assertThat(s.instalments().getLast().payment()).isBetween(106_619L - 12, 106_619L + 12);
        assertThat(s.totalPrincipal()).isEqualTo(1_200_000);
    }

    @Test
    void equalPrincipalRepaysPOverNAndInterestDeclines() {
        Schedule s = schedule(AmortizationMethod.EQUAL_PRINCIPAL);
        for (Instalment i : s.instalments()) {
            int k = i.period();
            // principal_k = P/n; interest_k = (P − (k−1)·P/n)·r
            assertThat(i.principal()).isEqualTo(100_000);
            assertThat(i.interest()).isEqualTo((1_200_000 - (k - 1) * 100_000L) / 100);
        }
        assertThat(s.instalments().getFirst().payment()).isEqualTo(112_000);
        assertThat(s.instalments().getLast().payment()).isEqualTo(101_000);
        assertThat(s.totalInterest()).isEqualTo(78_000);
    }

    @Test
    void interestFirstPaysPTimesREachMonthAndThePrincipalAtTheEnd() {
        List<Instalment> s = schedule(AmortizationMethod.INTEREST_FIRST).instalments();
        assertThat(s.subList(0, 11)).allSatisfy(i -> assertThat(i).extracting(Instalment::payment, Instalment::principal,
                Instalment::interest, Instalment::remaining).containsExactly(12_000L, 0L, 12_000L, 1_200_000L));
        assertThat(s.getLast()).isEqualTo(new Instalment(12, LocalDate.of(2027, 1, 31), 1_212_000, 1_200_000, 12_000, 0));
    }

    @Test
    void actualDaysOverThreeSixtyFiveChargeForTheDaysOfEachMonth() {
        Schedule s = Schedules.of(new ScheduleTerms(PRINCIPAL, RATE, 12, AmortizationMethod.INTEREST_FIRST,
                DayCount.ACT_365, START));
        // 31 Jan → 28 Feb 2026 is 28 days: 1,200,000 × 0.12 × 28 / 365 = 11046.57 → 11047
        assertThat(s.instalments().getFirst().interest()).isEqualTo(11_047);
        // 28 Feb → 31 Mar is 31 days on ACT/360: 1,200,000 × 0.12 × 31 / 360 = 12400
        Schedule s360 = Schedules.of(new ScheduleTerms(PRINCIPAL, RATE, 12, AmortizationMethod.INTEREST_FIRST,
                DayCount.ACT_360, START));
        assertThat(s360.instalments().get(1).interest()).isEqualTo(12_400);
    }

    @Test
    void theDisclosedRateOfAFeeFreeScheduleIsItsNominalRateAndAFeeRaisesIt() {
        Schedule s = schedule(AmortizationMethod.EQUAL_INSTALLMENT);
        assertThat(AnnualCost.ofSchedule(s, 0).apr()).isBetween(new BigDecimal("0.1199"), new BigDecimal("0.1201"));
        // a 2 % fee kept back at disbursement on a one-year annuity costs about 3.7 points more a year
        AnnualCost withFee = AnnualCost.ofSchedule(s, 24_000);
        assertThat(withFee.apr()).isBetween(new BigDecimal("0.155"), new BigDecimal("0.160"));
        assertThat(withFee.effectiveRate()).isGreaterThan(withFee.apr());
        assertThat(withFee.exceeds(new BigDecimal("0.24"))).isFalse();
    }

    @Test
    void badTermsAreRefusedWithAReason() {
        assertThatThrownBy(() -> new ScheduleTerms(Money.ofMinor(0, "CNY"), RATE, 12, AmortizationMethod.EQUAL_PRINCIPAL,
                DayCount.MONTHLY, START)).hasMessageContaining("principal must be positive");
        assertThatThrownBy(() -> new ScheduleTerms(PRINCIPAL, new BigDecimal("-0.01"), 12, AmortizationMethod.EQUAL_PRINCIPAL,
                DayCount.MONTHLY, START)).hasMessageContaining("annual rate");
        assertThatThrownBy(() -> new ScheduleTerms(PRINCIPAL, RATE, 0, AmortizationMethod.EQUAL_PRINCIPAL,
                DayCount.MONTHLY, START)).hasMessageContaining("1 to 360 months");
        assertThatThrownBy(() -> AmortizationMethod.ofCode("balloon")).hasMessageContaining("unknown amortization method");
    }
}
