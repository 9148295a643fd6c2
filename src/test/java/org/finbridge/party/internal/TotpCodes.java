package org.finbridge.party.internal;

import java.net.URI;
import java.time.Instant;

/** The code an authenticator app would show, for tests outside the party module that log people in. */
public final class TotpCodes {

    private TotpCodes() {
    }

    /** The secret of an {@code otpauth://} enrolment URI. */
    public static String secretOf(String otpauthUri) {
        return URI.create(otpauthUri).getQuery().replaceAll(".*secret=([A-Z2-7]+).*", "$1");
    }

    public static String code(String secretBase32, Instant at) {
        return Totp.code(Totp.fromBase32(secretBase32), Totp.step(at), Totp.DIGITS);
    }
}
