package org.finbridge.party.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Passport number formats by issuing country, where the format is fixed and published; elsewhere the
 * ICAO Doc 9303 machine-readable zone's rule applies: up to 9 letters and digits (longer numbers overflow
 * into the optional data field, so up to 12 are accepted).
 */
final class PassportNumbers {

    private static final Map<String, Pattern> BY_COUNTRY = Map.of(
            // China (2012 e-passport): E or G, then 8 digits; or E, a letter and 7 digits
            "CN", Pattern.compile("[EG]\\d{8}|E[A-HJ-NP-Z]\\d{7}"),
            "US", Pattern.compile("[A-Z]?\\d{8,9}"),
            "GB", Pattern.compile("\\d{9}"),
            // Germany: 9 characters from a set without vowels and ambiguous letters
            "DE", Pattern.compile("[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}"),
            "IN", Pattern.compile("[A-Z]\\d{7}"),
            "FR", Pattern.compile("\\d{2}[A-Z]{2}\\d{5}"));
    private static final Pattern ICAO = Pattern.compile("[A-Z0-9]{5,12}");

    private PassportNumbers() {
    }

    static boolean isValid(String country, String number) {
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        return BY_COUNTRY.getOrDefault(country, ICAO).matcher(n).matches();
    }
}
