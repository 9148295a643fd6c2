package org.finbridge.webhooks.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Signing secrets: {@code whsec_} and 256 random bits. Unlike an API key, the platform must keep the
 * secret itself, not a hash: it signs every delivery with it.
 */
final class SigningSecrets {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The secrets that sign at {@code now}: the current one, then a rotated-out one until it expires. */
    static List<String> signingAt(Instant now, String current, String previous, Instant previousExpiresAt) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(current);
        if (previous != null && previousExpiresAt != null && now.isBefore(previousExpiresAt)) {
            secrets.add(previous);
        }
        return secrets;
    }
}
