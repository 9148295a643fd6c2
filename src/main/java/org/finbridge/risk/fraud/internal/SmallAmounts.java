package org.finbridge.risk.fraud.internal;

import java.util.Map;

/**
 * What counts as a "small" authorization, the kind card testers make to learn whether a stolen number
 * works (Visa's and Mastercard's enumeration-attack guidance): about USD 2 or less, expressed in the
 * major units of common currencies (rounded, not a rate: it only sorts attempts into small or not).
 */
final class SmallAmounts {

    private static final double DEFAULT = 2.0;
    private static final Map<String, Double> BY_CURRENCY = Map.ofEntries(
            Map.entry("JPY", 300.0), Map.entry("KRW", 2_500.0), Map.entry("CNY", 15.0), Map.entry("HKD", 15.0),
            Map.entry("INR", 150.0), Map.entry("IDR", 30_000.0), Map.entry("VND", 50_000.0), Map.entry("BRL", 10.0),
            Map.entry("MXN", 35.0), Map.entry("THB", 70.0), Map.entry("PHP", 110.0), Map.entry("RUB", 180.0),
            Map.entry("TRY", 60.0), Map.entry("ZAR", 35.0));

    private SmallAmounts() {
    }

    static double threshold(String currency) {
        return currency == null ? DEFAULT : BY_CURRENCY.getOrDefault(currency, DEFAULT);
    }
}
