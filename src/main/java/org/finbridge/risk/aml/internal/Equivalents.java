package org.finbridge.risk.aml.internal;

import java.math.RoundingMode;
import java.time.LocalDate;
import org.finbridge.fx.ReferenceRateResult;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.money.Rate;
import org.springframework.stereotype.Component;

/**
 * CNY and USD equivalents at the fx module's reference rate of the transaction's day (the latest fixing on
 * or before it). The LTR thresholds are stated in CNY and in "USD equivalent" (REGULATIONS §4.2); the
 * regulation names no rate source, so the platform's reference rate is the one used, half-even.
 */
@Component
class Equivalents {

    static final CurrencyCode CNY = CurrencyCode.of("CNY");
    static final CurrencyCode USD = CurrencyCode.of("USD");

    private final ReferenceRates rates;

    Equivalents(ReferenceRates rates) {
        this.rates = rates;
    }

    /** The amount in {@code target}'s minor units, or null when no reference rate is known. */
    Long in(CurrencyCode target, Money amount, LocalDate day) {
        if (amount.currency().equals(target)) {
            return amount.minorUnits();
        }
        if (rates.rate(amount.currency(), target, day) instanceof ReferenceRateResult.Found found) {
            return new Rate(amount.currency(), target, found.rate().rate()).convert(amount, RoundingMode.HALF_EVEN).minorUnits();
        }
        return null;
    }
}
