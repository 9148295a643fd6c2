package org.finbridge.party.internal;

import java.util.Map;
import org.finbridge.party.Validation;

/**
 * International bank account number, ISO 13616-1, with the SWIFT IBAN Registry (SWIFT is the
 * standard's registration authority) as the list of countries and their IBAN lengths.
 *
 * <p>Checked: country code in the registry, the registry's exact length, characters A-Z and 0-9 only,
 * and the ISO 7064 MOD 97-10 check digits. Not checked: the country-specific BBAN layout and national
 * check digits inside it, which belong to each country's own rules.
 */
public final class IbanValidator {

    /** IBAN lengths by country, from the SWIFT IBAN Registry: 89 countries. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
            Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22),
            Map.entry("BH", 22), Map.entry("BI", 27), Map.entry("BR", 29), Map.entry("BY", 28),
            Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FK", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27),
            Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20),
            Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27),
            Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24),
            Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
            Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33), Map.entry("SA", 24),
            Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
            Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
            Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26),
            Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20),
            Map.entry("YE", 30));

    private IbanValidator() {
    }

    public static Validation validate(String value) {
        // ISO 13616 prints IBANs in groups of four ("paper format"); the electronic format has no spaces
        String iban = Text.asciiUpperCase(Text.withoutSpaces(value));
        if (iban.isEmpty()) {
            return new Validation.Invalid("empty");
        }
        int bad = Text.firstNonAlphanumeric(iban);
        if (bad >= 0) {
            return new Validation.Invalid(Text.invalidCharacter(iban, bad));
        }
        if (iban.length() < 4) {
            return new Validation.Invalid("length " + iban.length() + " is too short");
        }
        String country = iban.substring(0, 2);
        if (!Text.allLetters(country)) {
            return new Validation.Invalid("country code " + country + " is not two letters");
        }
        Integer expected = LENGTHS.get(country);
        if (expected == null) {
            return new Validation.Invalid("unknown country code " + country);
        }
        if (iban.length() != expected) {
            return new Validation.Invalid("length " + iban.length() + " is not " + expected + " for " + country);
        }
        String checkDigits = iban.substring(2, 4);
        if (!Text.allDigits(checkDigits)) {
            return new Validation.Invalid("check digits " + checkDigits + " are not two digits");
        }
        // MOD 97-10 computes check digits as 98 - (n mod 97), always 02..98; 00, 01 and 99 pass the
        // remainder test in place of 97, 98 and 02 but are never issued (ISO 13616-1, ISO 7064)
        if (checkDigits.equals("00") || checkDigits.equals("01") || checkDigits.equals("99")) {
            return new Validation.Invalid("check digits " + checkDigits + " are never issued");
        }
        if (mod97(iban.substring(4) + iban.substring(0, 4)) != 1) {
            return new Validation.Invalid("check digits do not match");
        }
        return new Validation.Valid(iban);
    }

    /**
     * ISO 7064 MOD 97-10 of the string read as a number with A = 10 … Z = 35, folded one character at a
     * time so that the 30-odd digit number never has to exist.
     */
    static int mod97(String s) {
        int remainder = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            remainder = Text.isDigit(c)
                    ? (remainder * 10 + (c - '0')) % 97
                    : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }
}
