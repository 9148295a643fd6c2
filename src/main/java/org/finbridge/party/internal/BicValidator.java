package org.finbridge.party.internal;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.finbridge.party.Validation;

/**
 * Business identifier code, ISO 9362: institution code (4), country code (2), location code (2)
 * and an optional branch code (3), 8 or 11 characters.
 *
 * <p>ISO 9362:2014 made the institution code alphanumeric (it used to be letters only), so digits are
 * accepted there. A location code whose second character is '0' marks a test-and-training BIC: it is
 * well formed and answered valid. Whether a BIC is actually published is a directory question, not a
 * format one, and is not answered here.
 */
public final class BicValidator {

    /**
     * ISO 3166-1 alpha-2 codes as shipped with the JDK, plus XK: Kosovo has no ISO code yet but SWIFT
     * uses XK for its BICs (as the IBAN registry does for its IBANs).
     */
    private static final Set<String> COUNTRIES = Stream.concat(
            Stream.of(Locale.getISOCountries()), Stream.of("XK")).collect(Collectors.toUnmodifiableSet());

    private BicValidator() {
    }

    public static Validation validate(String value) {
        String bic = Text.asciiUpperCase(value.strip());
        if (bic.isEmpty()) {
            return new Validation.Invalid("empty");
        }
        int bad = Text.firstNonAlphanumeric(bic);
        if (bad >= 0) {
            return new Validation.Invalid(Text.invalidCharacter(bic, bad));
        }
        if (bic.length() != 8 && bic.length() != 11) {
            return new Validation.Invalid("length " + bic.length() + " is not 8 or 11");
        }
        String country = bic.substring(4, 6);
        if (!Text.allLetters(country)) {
            return new Validation.Invalid("country code " + country + " is not two letters");
        }
        if (!COUNTRIES.contains(country)) {
            return new Validation.Invalid("unknown country code " + country);
        }
        return new Validation.Valid(bic);
    }
}
