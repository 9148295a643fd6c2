package org.finbridge.credit.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Ids for a page of scores stored together: time-ordered like {@link org.finbridge.platform.TimeOrderedIds}
 * (UUID version 7), but one secure random draw per page and a counter within it (RFC 9562 §6.2, method 1)
 * instead of two draws per score, which a re-scoring of a million merchants would otherwise pay a million
 * times. A page holds at most 2^24 ids.
 */
public final class ScoreIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_PAGE = 1 << 24;

    private ScoreIds() {
    }

    public static UUID[] page(Clock clock, int size) {
        if (size < 0 || size > MAX_PAGE) {
            throw new IllegalArgumentException("a page of 0 to " + MAX_PAGE + " ids, not " + size);
        }
        long millis = clock.millis();
        long msb = (millis << 16) | (0x7L << 12) | RANDOM.nextInt(1 << 12);
        // 38 random bits above a 24-bit counter, under the variant bits 10
        long base = (RANDOM.nextLong() & 0x3FFFFFFFFF000000L) | 0x8000000000000000L;
        UUID[] ids = new UUID[size];
        for (int i = 0; i < size; i++) {
            ids[i] = new UUID(msb, base + i);
        }
        return ids;
    }
}
