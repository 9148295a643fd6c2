package org.finbridge.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exchange rate: units of {@code quote} per one unit of {@code base}, a decimal with a fixed scale
 * of {@value #SCALE} places.
 *
 * <p>Converting always names its rounding direction ({@link #convert(Money, RoundingMode)}): each
 * caller decides who keeps the fraction of a minor unit, and FX conversions round in favour of the
 * platform's liquidity account, never silently half-even.
 */
public record Rate(CurrencyCode base, CurrencyCode quote, BigDecimal value) {

    public static final int SCALE = 10;

    public Rate {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("a rate must be positive: " + value);
        }
        value = value.setScale(SCALE, RoundingMode.HALF_EVEN);
        if (value.signum() == 0) {
            throw new IllegalArgumentException("rate underflows scale " + SCALE);
        }
    }

    public static Rate of(String base, String quote, String value) {
        return new Rate(CurrencyCode.of(base), CurrencyCode.of(quote), new BigDecimal(value));
    }

    /**
     * Converts an amount of the base currency into the quote currency, rounding the result to the
     * quote currency's minor unit in the given direction.
     */
    public Money convert(Money amount, RoundingMode rounding) {
        if (!amount.currency().equals(base)) {
            throw new CurrencyMismatchException(base, amount.currency());
        }
        BigDecimal major = amount.toMajor().multiply(value);
        BigDecimal minor = major.movePointRight(quote.exponent()).setScale(0, rounding);
        return new Money(minor.longValueExact(), quote);
    }

    /** The reverse rate (quote → base), at the same fixed scale. */
    public Rate inverse() {
        return new Rate(quote, base, BigDecimal.ONE.divide(value, SCALE, RoundingMode.HALF_EVEN));
    }

    /** Base → other through this rate's quote: (base→quote) × (quote→other). */
    public Rate cross(Rate next) {
        if (!quote.equals(next.base)) {
            throw new IllegalArgumentException("cannot chain " + this + " with " + next);
        }
        return new Rate(base, next.quote, value.multiply(next.value));
    }

    @Override
    public String toString() {
        return base + "/" + quote + " " + value.stripTrailingZeros().toPlainString();
    }
}
