package org.finbridge.financing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes repayment schedules by the three methods of REGULATIONS.md §6.2, in minor units.
 *
 * <p>Rounding is explicit and in one place: each period's interest, and the level payment of 等额本息
 * ({@code M = P·r·(1+r)^n / ((1+r)^n − 1)}, r = annual / 12), are rounded half-up to the currency's
 * minor unit; the principal of 等额本金 is {@code floor(P / n)}. The last instalment repays whatever
 * principal is still owed, so it absorbs every rounding difference and the principal parts always sum
 * exactly to the principal. Interest of a period is {@code remaining × annual rate × year fraction}
 * of the {@link DayCount}: exactly {@code r = annual / 12} for {@link DayCount#MONTHLY}, actual days over
 * 365 or 360 otherwise (the level payment is still the closed-form annuity, so under an ACT convention
 * the last instalment also absorbs the months' differing lengths). A payment never amortizes negatively:
 * if a period's interest exceeds the level payment the principal part is 0.
 */
public final class Schedules {

    static final MathContext PRECISION = MathContext.DECIMAL128;

    private Schedules() {
    }

    public static Schedule of(ScheduleTerms terms) {
        long principal = terms.principal().minorUnits();
        int n = terms.months();
        long level = switch (terms.method()) {
            case EQUAL_INSTALLMENT -> annuityPayment(principal, terms.annualRate(), n);
            case EQUAL_PRINCIPAL -> principal / n;
            case INTEREST_FIRST -> 0;
        };
        List<Instalment> instalments = new ArrayList<>(n);
        long remaining = principal;
        LocalDate previous = terms.start();
        for (int k = 1; k <= n; k++) {
            LocalDate due = terms.start().plusMonths(k);
            long interest = interest(remaining, terms.annualRate(), terms.dayCount().yearFraction(previous, due));
            long principalPart;
            if (k == n) {
                principalPart = remaining;
            } else {
                principalPart = switch (terms.method()) {
                    case EQUAL_INSTALLMENT -> Math.min(remaining, Math.max(0, level - interest));
                    case EQUAL_PRINCIPAL -> Math.min(remaining, level);
                    case INTEREST_FIRST -> 0;
                };
            }
            remaining -= principalPart;
            instalments.add(new Instalment(k, due, principalPart + interest, principalPart, interest, remaining));
            previous = due;
        }
        return new Schedule(terms, instalments);
    }

    /** The level 等额本息 payment, rounded half-up to the minor unit; P / n (half-up) at a zero rate. */
    public static long annuityPayment(long principal, BigDecimal annualRate, int months) {
        BigDecimal p = BigDecimal.valueOf(principal);
        if (annualRate.signum() == 0) {
            return p.divide(BigDecimal.valueOf(months), 0, RoundingMode.HALF_UP).longValueExact();
        }
        BigDecimal r = annualRate.divide(BigDecimal.valueOf(12), PRECISION);
        BigDecimal growth = BigDecimal.ONE.add(r).pow(months, PRECISION);
        return p.multiply(r).multiply(growth).divide(growth.subtract(BigDecimal.ONE), PRECISION)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Interest on {@code balance} minor units for a year fraction, rounded half-up to the minor unit. */
    public static long interest(long balance, BigDecimal annualRate, DayCount.Fraction yearFraction) {
        return yearFraction.times(BigDecimal.valueOf(balance).multiply(annualRate))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
