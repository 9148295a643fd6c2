package org.finbridge.party.internal;

/** Character handling shared by the validators; ASCII only, because every identifier here is ASCII. */
final class Text {

    private Text() {
    }

    /**
     * Upper-cases a-z only. {@link String#toUpperCase} would turn a Turkish dotless 'ı' into 'I' or
     * 'ß' into "SS" and so accept characters no identifier contains.
     */
    static String asciiUpperCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return b.toString();
    }

    /** Removes every space, including the no-break spaces that copying from documents brings along. */
    static String withoutSpaces(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                b.append(c);
            }
        }
        return b.toString();
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isAlphanumeric(char c) {
        return isDigit(c) || isLetter(c);
    }

    static boolean allDigits(String s) {
        return s.chars().allMatch(c -> isDigit((char) c));
    }

    static boolean allLetters(String s) {
        return s.chars().allMatch(c -> isLetter((char) c));
    }

    /** Index of the first character that is not upper-case A-Z or 0-9, or -1. */
    static int firstNonAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAlphanumeric(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * "invalid character 'x' at position 5" (1-based). Unprintable characters, and the comma, which
     * would split the reason when it is written as a CSV column, are shown as U+XXXX.
     */
    static String invalidCharacter(String s, int index) {
        char c = s.charAt(index);
        String shown = c > 0x20 && c < 0x7f && c != ',' ? "'" + c + "'" : String.format("U+%04X", (int) c);
        return "invalid character " + shown + " at position " + (index + 1);
    }
}
