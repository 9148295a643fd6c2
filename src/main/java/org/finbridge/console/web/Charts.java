package org.finbridge.console.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.finbridge.money.Money;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the console's pages hand to the browser: chart data as JSON in a {@code data-chart} attribute, read
 * by {@code console.js} (the Content-Security-Policy allows no inline script), and amounts written the same
 * way on every page.
 *
 * <p>Charts are drawn by Apache ECharts, served from its WebJar like Bootstrap and htmx, so no page needs the
 * outside network.
 */
final class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Charts() {
    }

    static String json(Object chart) {
        return JSON.writeValueAsString(chart);
    }

    /** An amount in major units with its currency's decimals and thousands separators: {@code 1,234.56}. */
    static String amount(Money money) {
        int exponent = money.currency().exponent();
        DecimalFormat format = new DecimalFormat(exponent == 0 ? "#,##0" : "#,##0." + "0".repeat(exponent),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(money.toMajor());
    }

    static String amount(long minorUnits, String currency) {
        return amount(Money.ofMinor(minorUnits, currency));
    }

    static BigDecimal major(long minorUnits, String currency) {
        return Money.ofMinor(minorUnits, currency).toMajor();
    }
}
