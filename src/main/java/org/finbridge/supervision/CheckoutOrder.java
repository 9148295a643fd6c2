package org.finbridge.supervision;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import org.finbridge.money.Money;

/**
 * A consumer import to the EU, the UK or the US, as the checkout sees it (regulations notes §5).
 *
 * @param destinationCountry ISO 3166 alpha-2 of the buyer: an EU member state, GB or US
 * @param intrinsicValue the goods' value without transport and insurance, in the destination's currency
 *                       (EUR, GBP, USD): the thresholds are defined on it
 * @param itemCategories distinct tariff sub-headings in the parcel (the EU's flat duty counts them)
 * @param iossRegistered the seller (or marketplace) is registered for the EU Import One-Stop Shop
 * @param exciseGoods alcohol, tobacco and the like: outside IOSS and the UK's point-of-sale regime
 * @param originCountry where the goods come from (the US excluded China and Hong Kong from de minimis first)
 * @param dutyRate the goods' ad-valorem duty rate where normal duty applies (at the border, or the US entry)
 */
public record CheckoutOrder(String destinationCountry, Money intrinsicValue, int itemCategories, boolean iossRegistered,
                            boolean exciseGoods, String originCountry, BigDecimal dutyRate) {

    public CheckoutOrder {
        Objects.requireNonNull(intrinsicValue, "intrinsicValue");
        if (destinationCountry == null || !destinationCountry.strip().matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException("destination must be a two-letter country code");
        }
        destinationCountry = destinationCountry.strip().toUpperCase(Locale.ROOT);
        originCountry = originCountry == null || originCountry.isBlank() ? "CN" : originCountry.strip().toUpperCase(Locale.ROOT);
        if (intrinsicValue.isNegative()) {
            throw new IllegalArgumentException("value must not be negative");
        }
        if (itemCategories < 1) {
            throw new IllegalArgumentException("a parcel holds at least one item category");
        }
        dutyRate = dutyRate == null ? BigDecimal.ZERO : dutyRate;
        if (dutyRate.signum() < 0 || dutyRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("duty rate must be a decimal in [0, 1]");
        }
    }
}
