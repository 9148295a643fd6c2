package org.finbridge.financing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * How a period's interest is measured. {@link #MONTHLY} is the textbook convention of the closed-form
 * formulas in REGULATIONS.md §6.2 (periodic rate = annual / 12, whatever the month's length);
 * {@link #ACT_365} and {@link #ACT_360} count the actual days of each period over a 365- or 360-day
 * year. Daily interest of 随借随还 products is annual / 360 per day by Chinese convention (§6.2).
 */
public enum DayCount {
    MONTHLY("30/360"),
    ACT_365("ACT/365"),
    ACT_360("ACT/360");

    private final String code;

    DayCount(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static DayCount ofCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equalsIgnoreCase(code) || d.name().equalsIgnoreCase(code))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown day count '" + code
                        + "' (30/360, ACT/365 or ACT/360)"));
    }

    /** The share of a year between two dates, as numerator / denominator (days / basis, or months / 12). */
    public Fraction yearFraction(LocalDate from, LocalDate to) {
        return switch (this) {
            // whole months by construction of the due dates (each is start + k months, never chained)
            case MONTHLY -> new Fraction((to.getYear() * 12L + to.getMonthValue()) - (from.getYear() * 12L + from.getMonthValue()), 12);
            case ACT_365 -> new Fraction(ChronoUnit.DAYS.between(from, to), 365);
            case ACT_360 -> new Fraction(ChronoUnit.DAYS.between(from, to), 360);
        };
    }

    /** The days of the year that daily accrual divides the annual rate by (MONTHLY accrues on 360, §6.2). */
    public long daysInYear() {
        return this == ACT_365 ? 365 : 360;
    }

    public record Fraction(long numerator, long denominator) {
        public BigDecimal times(BigDecimal value) {
            return value.multiply(BigDecimal.valueOf(numerator)).divide(BigDecimal.valueOf(denominator),
                    java.math.MathContext.DECIMAL128);
        }
    }
}
