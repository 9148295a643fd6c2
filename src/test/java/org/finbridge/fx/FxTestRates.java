package org.finbridge.fx;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.finbridge.money.CurrencyCode;

/**
 * A fixing for the test clock's day, so quotes have a current reference rate (the shipped history ends
 * in April 2026). The rates are the ECB's of 2024-03-15. Other modules' tests may use it too.
 */
public final class FxTestRates {

    /** Units per 1 EUR, as the ECB fixed them on 2024-03-15. */
    public static final Map<String, String> RATES = Map.of("USD", "1.0892", "CNY", "7.838", "JPY", "162.03",
            "GBP", "0.8541", "BRL", "5.4461", "KRW", "1448.71", "IDR", "17011.02", "CHF", "0.9613", "SGD", "1.4562");

    private FxTestRates() {
    }

    /** Imports today's fixing unless a fixing of today or later is stored already. */
    public static void publishToday(ReferenceRates rates, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<CurrencyCode, BigDecimal> unitsPerEur = new java.util.HashMap<>();
        RATES.forEach((code, rate) -> unitsPerEur.put(CurrencyCode.of(code), new BigDecimal(rate)));
        EuroFixing fixing = new EuroFixing(today, "TEST", unitsPerEur);
        rates.importFrom(new RateProvider() {
            @Override
            public String source() {
                return "TEST";
            }

            @Override
            public List<EuroFixing> fixingsAfter(LocalDate after) {
                return List.of(fixing);
            }
        });
    }

    /** Units of {@code quote} per 1 {@code base} at these rates, to 18 significant digits. */
    public static BigDecimal cross(String base, String quote) {
        BigDecimal b = base.equals("EUR") ? BigDecimal.ONE : new BigDecimal(RATES.get(base));
        BigDecimal q = quote.equals("EUR") ? BigDecimal.ONE : new BigDecimal(RATES.get(quote));
        return q.divide(b, new java.math.MathContext(18, java.math.RoundingMode.HALF_EVEN));
    }
}
