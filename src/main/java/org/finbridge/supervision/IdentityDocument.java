package org.finbridge.supervision;

import java.util.Locale;

/**
 * A buyer's identity document, by which China tracks the annual CBEC quota per person (regulations notes
 * §1.1: "per calendar year, per ID"). The platform keeps only a keyed hash of it ({@link CbecImports}):
 * the number itself is never stored, logged or answered.
 *
 * @param type e.g. {@code CN_RESIDENT_ID}, {@code PASSPORT}
 * @param country the issuing country, ISO 3166 alpha-2
 */
public record IdentityDocument(String type, String country, String number) {

    public IdentityDocument {
        if (type == null || type.isBlank() || country == null || !country.strip().matches("[A-Za-z]{2}")
                || number == null || number.isBlank()) {
            throw new IllegalArgumentException("an identity document needs a type, a two-letter country and a number");
        }
        type = type.strip().toUpperCase(Locale.ROOT);
        country = country.strip().toUpperCase(Locale.ROOT);
        // the same document written with spaces, dashes or a lower-case check letter is the same person
        number = number.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** The text that is hashed: type, country and number, normalised. */
    public String canonical() {
        return type + "|" + country + "|" + number;
    }

    @Override
    public String toString() {
        return "IdentityDocument[" + type + ", " + country + ", ****]";
    }
}
