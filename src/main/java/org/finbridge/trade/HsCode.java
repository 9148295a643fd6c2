package org.finbridge.trade;

import java.util.Objects;
import java.util.Optional;

/**
 * A Harmonized System commodity code. The first six digits are the WCO's international HS (chapter,
 * heading, subheading); countries extend them to 8-10 digits for their tariffs and statistics (China's
 * customs codes have 10: 8 tariff digits and 2 supervision digits). Codes are compared across documents
 * at the six-digit subheading, the level every country shares.
 *
 * <p>Shape checks (HS Nomenclature, WCO): chapters run 01-97, chapter 77 is reserved for future use and
 * 98-99 for national use, so neither is an HS chapter; headings within a chapter are numbered from 01.
 * Whether the subheading exists in the current edition is a tariff-table question, not a shape one.
 */
public record HsCode(String digits) {

    public HsCode {
        Objects.requireNonNull(digits, "digits");
        problem(digits).ifPresent(p -> {
            throw new IllegalArgumentException("not an HS code: " + p);
        });
    }

    /** Parses a code written with or without the customary dots ({@code 8517.13} or {@code 851713}). */
    public static HsCode parse(String text) {
        return new HsCode(normalise(text));
    }

    /** Why the text is not an HS code, or empty when it is one. */
    public static Optional<String> check(String text) {
        return text == null ? Optional.of("is required") : problem(normalise(text));
    }

    private static String normalise(String text) {
        return text == null ? null : text.strip().replace(".", "");
    }

    private static Optional<String> problem(String digits) {
        if (digits.length() < 6 || digits.length() > 10) {
            return Optional.of("must have 6 to 10 digits");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("must be digits only");
            }
        }
        int chapter = Integer.parseInt(digits.substring(0, 2));
        if (chapter < 1 || chapter > 97 || chapter == 77) {
            return Optional.of("chapter " + digits.substring(0, 2) + " is not an HS chapter (01-97, not 77)");
        }
        if (digits.startsWith("00", 2)) {
            return Optional.of("heading " + digits.substring(0, 4) + " does not exist: headings are numbered from 01");
        }
        return Optional.empty();
    }

    /** The six-digit international subheading. */
    public String subheading() {
        return digits.substring(0, 6);
    }

    @Override
    public String toString() {
        return digits;
    }
}
