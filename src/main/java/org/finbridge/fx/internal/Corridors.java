package org.finbridge.fx.internal;

import java.util.Set;
import org.finbridge.fx.Corridor;
import org.finbridge.money.CurrencyCode;

/** Which corridor a pair trades in: the list of majors is the one place that decides. */
final class Corridors {

    /** The most traded currencies (BIS Triennial Survey), whose pairs have the tightest spreads. */
    static final Set<String> MAJORS = Set.of("USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD",
            "SEK", "NOK", "DKK");
    static final String RENMINBI = "CNY";

    private Corridors() {
    }

    static Corridor of(CurrencyCode sell, CurrencyCode buy) {
        boolean sellMajor = MAJORS.contains(sell.code());
        boolean buyMajor = MAJORS.contains(buy.code());
        if (sellMajor && buyMajor) {
            return Corridor.MAJOR;
        }
        if ((sell.code().equals(RENMINBI) && buyMajor) || (buy.code().equals(RENMINBI) && sellMajor)) {
            return Corridor.CNY;
        }
        return Corridor.EXOTIC;
    }
}
