package org.finbridge.fx.internal;

import java.time.Duration;

/**
 * What a lock costs beyond the tier's spread. A locked quote is an option the platform writes: the
 * market moves, the price does not. Stripe's FX Quotes price it as a "duration premium"; here it grows
 * with the lock in steps: up to 5 minutes free, up to an hour 10 basis points, longer 25.
 */
final class LockPremium {

    static final Duration FREE = Duration.ofMinutes(5);
    static final Duration HOUR = Duration.ofHours(1);

    private LockPremium() {
    }

    static int basisPoints(Duration lock) {
        if (lock.compareTo(FREE) <= 0) {
            return 0;
        }
        return lock.compareTo(HOUR) <= 0 ? 10 : 25;
    }
}
