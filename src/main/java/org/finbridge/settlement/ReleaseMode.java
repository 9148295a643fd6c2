package org.finbridge.settlement;

/** When a captured payment's money is released to the merchant. */
public enum ReleaseMode {
    /** A fixed number of business days after capture (T+N) on the policy's clearing calendar. */
    HOLDING_PERIOD,
    /** Once the goods are confirmed delivered (the buyer's main risk in cross-border retail is non-delivery). */
    ON_DELIVERY
}
