package org.finbridge.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562 section 5.7): 48 bits of Unix milliseconds, then random bits. Ids sort by
 * creation time, so B-tree indexes stay append-mostly and a listing by id is a listing by age.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return next(Clock.systemUTC());
    }

    public static UUID next(Clock clock) {
        long millis = clock.millis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** Formats an id for the API edge with its readable prefix: {@code acc_0190…}. */
    public static String format(String prefix, UUID id) {
        return prefix + "_" + id.toString().replace("-", "");
    }

    /**
     * Parses an id written with its prefix ({@code acc_0190…}, 32 hex digits) or as a plain UUID.
     *
     * @throws IllegalArgumentException for anything else, including another aggregate's prefix
     */
    public static UUID parse(String prefix, String text) {
        if (text == null) {
            throw new IllegalArgumentException("id is missing");
        }
        String body = text;
        if (text.startsWith(prefix + "_")) {
            body = text.substring(prefix.length() + 1);
        } else if (text.indexOf('_') >= 0) {
            throw new IllegalArgumentException("not a " + prefix + " id: " + text);
        }
        if (body.length() == 32 && body.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return new UUID(Long.parseUnsignedLong(body.substring(0, 16), 16),
                    Long.parseUnsignedLong(body.substring(16), 16));
        }
        if (body.length() == 36) {
            try {
                return UUID.fromString(body);
            } catch (IllegalArgumentException e) {
                // fall through to the uniform message below
            }
        }
        throw new IllegalArgumentException("not a " + prefix + " id: " + text);
    }

    /** Unsigned byte order, the order PostgreSQL and H2 sort UUIDs in (java.util.UUID's compareTo is signed). */
    public static int compareUnsigned(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
