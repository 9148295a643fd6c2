package org.finbridge.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of one currency in its minor units. Arithmetic is overflow-checked
 * ({@link ArithmeticException} on overflow) and refuses to mix currencies
 * ({@link CurrencyMismatchException}).
 */
public record Money(long minorUnits, CurrencyCode currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money ofMinor(long minorUnits, String currency) {
        return new Money(minorUnits, CurrencyCode.of(currency));
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a major-unit decimal ("12.34" USD → 1234). More decimals than the currency has is an
     * error, not a silent rounding.
     */
    public static Money ofMajor(String decimal, String currency) {
        CurrencyCode code = CurrencyCode.of(currency);
        BigDecimal value = new BigDecimal(decimal);
        if (value.stripTrailingZeros().scale() > code.exponent()) {
            throw new IllegalArgumentException(
                    decimal + " has more decimals than " + code + " allows (" + code.exponent() + ")");
        }
        return new Money(value.movePointRight(code.exponent()).longValueExact(), code);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minorUnits, factor), currency);
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    /** The amount in major units, exact (for display and file formats, never for arithmetic). */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minorUnits, currency.exponent());
    }

    public void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    @Override
    public String toString() {
        return toMajor().toPlainString() + " " + currency;
    }
}
