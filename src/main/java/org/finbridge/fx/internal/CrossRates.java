package org.finbridge.fx.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Crossing two euro reference rates: units of quote per 1 base = (quote per EUR) ÷ (base per EUR). The
 * ECB publishes at most 6 significant digits; the quotient is computed to 18 significant digits, rounded
 * half-even (no side is favoured in a reference rate), so crossing adds no error that shows in any
 * amount the ledger can hold.
 */
final class CrossRates {

    static final MathContext PRECISION = new MathContext(18, RoundingMode.HALF_EVEN);

    private CrossRates() {
    }

    static BigDecimal cross(BigDecimal basePerEur, BigDecimal quotePerEur) {
        return quotePerEur.divide(basePerEur, PRECISION).stripTrailingZeros();
    }
}
