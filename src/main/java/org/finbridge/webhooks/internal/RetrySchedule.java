package org.finbridge.webhooks.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff (the first delay doubling with each
 * failure, up to a longest delay) plus up to a quarter of the delay again as random jitter, so that
 * the deliveries of many events to one receiver that comes back up do not all arrive at once. The
 * last attempt is made at the end of the retry window; a failure then gives up. Since the window is
 * at least 72 hours, a receiver is tried for at least 72 hours whatever the jitter.
 */
final class RetrySchedule {

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final RandomGenerator random;

    RetrySchedule(Duration firstDelay, Duration maxDelay, RandomGenerator random) {
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.random = random;
    }

    /**
     * @param failures how many attempts have failed so far (1 after the first)
     * @param now when the last one failed
     * @param giveUpAt the end of the retry window
     * @return the next attempt, or empty when the window is over
     */
    Optional<Instant> next(int failures, Instant now, Instant giveUpAt) {
        if (!now.isBefore(giveUpAt)) {
            return Optional.empty();
        }
        Duration delay = nominalDelay(failures);
        long jitterMillis = (long) (random.nextDouble() * delay.toMillis() / 4);
        Instant next = now.plus(delay).plusMillis(jitterMillis);
        return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
    }

    /** The delay before jitter: {@code firstDelay × 2^(failures-1)}, at most {@code maxDelay}. */
    Duration nominalDelay(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
