package org.finbridge.supervision.internal;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import org.finbridge.fx.ReferenceRateResult;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.money.Rate;
import org.springframework.stereotype.Component;

/**
 * USD equivalents for the quotas that SAFE sets in USD (regulations notes §2), at the FX module's reference
 * rate of the day (the latest fixing on or before it), rounded half up to the cent.
 */
@Component
class UsdValues {

    static final CurrencyCode USD = CurrencyCode.of("USD");

    private final ReferenceRates rates;

    UsdValues(ReferenceRates rates) {
        this.rates = rates;
    }

    Optional<Money> inUsd(Money amount, LocalDate day) {
        if (amount.currency().equals(USD)) {
            return Optional.of(amount);
        }
        if (rates.rate(amount.currency(), USD, day) instanceof ReferenceRateResult.Found found) {
            Rate rate = new Rate(amount.currency(), USD, found.rate().rate());
            return Optional.of(rate.convert(amount, RoundingMode.HALF_UP));
        }
        return Optional.empty();
    }
}
