package org.finbridge.party.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import org.finbridge.party.Validation;

/**
 * Citizen identification number of the PRC resident identity card (公民身份号码), GB 11643-1999:
 * address code (6, GB/T 2260), birth date (8, yyyyMMdd), sequence code (3, odd for men, even for
 * women) and a check character (1).
 *
 * <p>The address code is checked down to its province (the first two digits): county codes change
 * every year and a number keeps the code it was issued under. The 15-digit first-generation numbers
 * (GB 11643-1989) carry no check digit and a two-digit year; they are no longer valid identity
 * documents and are refused.
 */
public final class ResidentIdValidator {

    /**
     * Province-level codes of GB/T 2260 (71 is Taiwan), and 81, 82 and 83: the address codes of the
     * residence permits for residents of Hong Kong, Macao and Taiwan (2018), which follow GB 11643.
     * The 2023 foreign permanent resident card is a different document (it starts with 9) and is not
     * accepted as a resident id.
     */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82", "83");

    /** 2^(18-i) mod 11 for positions 1 to 17 (GB 11643-1999, ISO 7064 MOD 11-2). */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ResidentIdValidator() {
    }

    public static Validation validate(String value, LocalDate today) {
        String id = Text.asciiUpperCase(value.strip());
        if (id.isEmpty()) {
            return new Validation.Invalid("empty");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(Text.isDigit(c) || (c == 'X' && i == id.length() - 1))) {
                return new Validation.Invalid(Text.invalidCharacter(id, i));
            }
        }
        if (id.length() == 15) {
            return new Validation.Invalid("15-digit first-generation id: not accepted");
        }
        if (id.length() != 18) {
            return new Validation.Invalid("length " + id.length() + " is not 18");
        }
        String province = id.substring(0, 2);
        if (!PROVINCES.contains(province)) {
            return new Validation.Invalid("unknown province code " + province);
        }
        String birth = id.substring(6, 14);
        LocalDate born = date(birth);
        if (born == null) {
            return new Validation.Invalid("birth date " + birth + " is not a calendar date");
        }
        if (born.isBefore(EARLIEST_BIRTH)) {
            return new Validation.Invalid("birth date " + birth + " is before 1900");
        }
        if (born.isAfter(today)) {
            return new Validation.Invalid("birth date " + birth + " is in the future");
        }
        if (id.charAt(17) != checkCharacter(id.substring(0, 17))) {
            return new Validation.Invalid("check character does not match");
        }
        return new Validation.Valid(id);
    }

    /** ISO 7064 MOD 11-2 as GB 11643-1999 applies it: (12 - Σ ai × Wi mod 11) mod 11, 10 written X. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    private static LocalDate date(String yyyyMMdd) {
        try {
            return LocalDate.of(Integer.parseInt(yyyyMMdd.substring(0, 4)),
                    Integer.parseInt(yyyyMMdd.substring(4, 6)), Integer.parseInt(yyyyMMdd.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
