package org.finbridge.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.finbridge.money.CurrencyCode;

/**
 * One fixing day of a reference-rate source: units of each currency per 1 EUR, as published.
 * Currencies without a rate that day are absent.
 */
public record EuroFixing(LocalDate date, String source, Map<CurrencyCode, BigDecimal> unitsPerEur) {

    public EuroFixing {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
        unitsPerEur = Map.copyOf(unitsPerEur);
        unitsPerEur.forEach((currency, units) -> {
            if (units.signum() <= 0) {
                throw new IllegalArgumentException("rate of " + currency + " on " + date + " is not positive: " + units);
            }
        });
    }
}
