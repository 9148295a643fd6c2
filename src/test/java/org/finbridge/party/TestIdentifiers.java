package org.finbridge.party;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid identifiers for tests that register many parties in one database. */
public final class TestIdentifiers {

    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private TestIdentifiers() {
    }

    /** A valid USCC of a Shenzhen company (authority 9, type 1, division 440300), computed per GB 32100-2015. */
    public static String uscc() {
        StringBuilder s = new StringBuilder("91440300");
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            s.append(USCC_CHARS.charAt(rnd.nextInt(USCC_CHARS.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(s.charAt(i)) * USCC_WEIGHTS[i];
        }
        return s.append(USCC_CHARS.charAt((31 - sum % 31) % 31)).toString();
    }
}
