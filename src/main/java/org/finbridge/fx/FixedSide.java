package org.finbridge.fx;

/** Which amount of a quote the party fixed; the other one is priced. */
public enum FixedSide {
    /** "I sell exactly this much": the amount bought is computed, rounded down. */
    SELL,
    /** "I need exactly this much": the amount sold is computed, rounded up. */
    BUY
}
