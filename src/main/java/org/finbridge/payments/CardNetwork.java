package org.finbridge.payments;

import java.util.Optional;

/**
 * Card networks recognised from the card number's leading digits (the issuer identification number
 * ranges each network publishes), with the card number lengths each network issues.
 */
public enum CardNetwork {
    VISA(13, 16, 19),
    MASTERCARD(16),
    AMEX(15),
    UNIONPAY(16, 17, 18, 19),
    JCB(16, 17, 18, 19),
    DISCOVER(16, 17, 18, 19),
    DINERS(14, 15, 16, 17, 18, 19);

    private final int[] lengths;

    CardNetwork(int... lengths) {
        this.lengths = lengths;
    }

    public boolean issuesLength(int length) {
        for (int l : lengths) {
            if (l == length) {
                return true;
            }
        }
        return false;
    }

    /** How many digits the card verification code has: four on the front of an Amex card, three elsewhere. */
    public int cvcLength() {
        return this == AMEX ? 4 : 3;
    }

    /**
     * The network of a card number, from its first digits: Visa 4; Mastercard 51–55 and 2221–2720; Amex
     * 34, 37; JCB 3528–3589; Diners 300–305, 36, 38–39; Discover 6011, 644–649, 65; UnionPay 62 (checked
     * after Discover, whose 622126–622925 co-branded range UnionPay cards carry too, is left to UnionPay).
     */
    public static Optional<CardNetwork> ofNumber(String digits) {
        if (digits == null || digits.length() < 6) {
            return Optional.empty();
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int three = Integer.parseInt(digits.substring(0, 3));
        int four = Integer.parseInt(digits.substring(0, 4));
        if (digits.charAt(0) == '4') {
            return Optional.of(VISA);
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return Optional.of(MASTERCARD);
        }
        if (two == 34 || two == 37) {
            return Optional.of(AMEX);
        }
        if (four >= 3528 && four <= 3589) {
            return Optional.of(JCB);
        }
        if ((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) {
            return Optional.of(DINERS);
        }
        if (two == 62) {
            return Optional.of(UNIONPAY);
        }
        if (four == 6011 || (three >= 644 && three <= 649) || two == 65) {
            return Optional.of(DISCOVER);
        }
        return Optional.empty();
    }
}
