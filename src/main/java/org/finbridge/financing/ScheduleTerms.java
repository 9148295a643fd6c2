package org.finbridge.financing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.finbridge.money.Money;

/**
 * What a term loan's repayment schedule is computed from.
 *
 * @param annualRate the nominal annual interest rate as a decimal (0.12 = 12 % a year), before fees
 * @param months the number of monthly instalments; instalment k falls due on {@code start + k months}
 */
public record ScheduleTerms(Money principal, BigDecimal annualRate, int months, AmortizationMethod method,
                            DayCount dayCount, LocalDate start) {

    /** Longest term accepted: 30 years of monthly instalments. */
    public static final int MAX_MONTHS = 360;

    public ScheduleTerms {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(annualRate, "annualRate");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(dayCount, "dayCount");
        Objects.requireNonNull(start, "start");
        if (!principal.isPositive()) {
            throw new IllegalArgumentException("the principal must be positive: " + principal.minorUnits());
        }
        if (annualRate.signum() < 0 || annualRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the annual rate must be a decimal between 0 and 1: " + annualRate.toPlainString());
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("the term must be 1 to " + MAX_MONTHS + " months: " + months);
        }
    }
}
