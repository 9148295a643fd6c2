package org.finbridge.fx.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.finbridge.fx.FixedSide;
import org.finbridge.money.CurrencyCode;

/**
 * Prices a quote. Every rounding goes in favour of the platform's liquidity account, never silently
 * half-even:
 * <ul>
 *   <li>the client rate is the mid rate less the spread, cut (rounded down) to {@value #RATE_SCALE} places;</li>
 *   <li>a fixed sell amount buys {@code floor(sell × client rate)} — the party never receives a fraction
 *       of a minor unit the liquidity account did not get;</li>
 *   <li>a fixed buy amount costs {@code ceil(buy ÷ client rate)} — the party pays the fraction;</li>
 *   <li>the liquidity account pays out {@code floor(sell × mid rate)}: the party's amount plus the spread
 *       leg, which is that value less the party's amount (never negative, since client ≤ mid).</li>
 * </ul>
 * So the liquidity account gives out at most the mid-market value of what it received, and the spread
 * is exactly what the party gave up against the mid rate, less under one minor unit.
 */
final class QuotePricing {

    /** Decimal places of stored rates (numeric(38, 20)). */
    static final int RATE_SCALE = 20;
    private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);

    private QuotePricing() {
    }

    /** A priced quote, amounts in minor units of their currencies. */
    record Priced(long sell, long buy, long spread, BigDecimal midRate, BigDecimal clientRate) {
    }

    /** The mid rate as stored: half-even, the reference favours no one. */
    static BigDecimal mid(BigDecimal referenceRate) {
        return referenceRate.setScale(RATE_SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal client(BigDecimal mid, int spreadBasisPoints) {
        if (spreadBasisPoints < 0 || spreadBasisPoints >= 10_000) {
            throw new IllegalArgumentException("spread out of range: " + spreadBasisPoints);
        }
        return mid.multiply(BASIS_POINTS.subtract(BigDecimal.valueOf(spreadBasisPoints)))
                .divide(BASIS_POINTS).setScale(RATE_SCALE, RoundingMode.DOWN);
    }

    /**
     * @throws ArithmeticException when an amount does not fit the ledger's 64-bit minor units
     */
    static Priced price(FixedSide side, long amount, CurrencyCode sell, CurrencyCode buy, BigDecimal referenceRate,
                        int spreadBasisPoints) {
        BigDecimal mid = mid(referenceRate);
        BigDecimal client = client(mid, spreadBasisPoints);
        long sold = side == FixedSide.SELL ? amount : sellFor(amount, sell, buy, client);
        long bought = side == FixedSide.BUY ? amount : convertDown(sold, sell, buy, client);
        long paidOut = convertDown(sold, sell, buy, mid);
        return new Priced(sold, bought, Math.subtractExact(paidOut, bought), mid, client);
    }

    /** {@code floor(minor × rate)} in the buy currency's minor units. */
    static long convertDown(long sellMinor, CurrencyCode sell, CurrencyCode buy, BigDecimal rate) {
        return BigDecimal.valueOf(sellMinor).multiply(rate).movePointRight(buy.exponent() - sell.exponent())
                .setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** {@code ceil(buyMinor ÷ rate)} in the sell currency's minor units. */
    static long sellFor(long buyMinor, CurrencyCode sell, CurrencyCode buy, BigDecimal rate) {
        return BigDecimal.valueOf(buyMinor).movePointRight(sell.exponent() - buy.exponent())
                .divide(rate, 0, RoundingMode.CEILING).longValueExact();
    }
}
