package org.finbridge.fx;

import java.time.Duration;

/**
 * A party's commercial terms for FX: the share of the corridor's spread it pays and the longest a
 * quote may stay locked for it. A long lock is an option the platform gives away (the market moves, the
 * price does not), so only tiers whose volume pays for it may lock for up to a day.
 *
 * @param spreadPercent the share of the corridor spread charged, in percent
 * @param longestLock the longest lock period a quote may ask for
 */
public enum PricingTier {
    STANDARD(100, Duration.ofMinutes(5)),
    PREFERRED(70, Duration.ofHours(1)),
    ENTERPRISE(40, Duration.ofHours(24));

    private final int spreadPercent;
    private final Duration longestLock;

    PricingTier(int spreadPercent, Duration longestLock) {
        this.spreadPercent = spreadPercent;
        this.longestLock = longestLock;
    }

    public int spreadPercent() {
        return spreadPercent;
    }

    public Duration longestLock() {
        return longestLock;
    }

    /** The spread this tier pays in a corridor, rounded down (in the party's favour) to a whole basis point. */
    public int spreadBasisPoints(Corridor corridor) {
        return corridor.spreadBasisPoints() * spreadPercent / 100;
    }
}
