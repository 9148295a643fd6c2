package org.finbridge.party.internal;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK ships them. */
final class Countries {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** True for an assigned alpha-2 code, in any case. */
    static boolean isIso(String code) {
        return code != null && ISO.contains(code.strip().toUpperCase(Locale.ROOT));
    }
}
