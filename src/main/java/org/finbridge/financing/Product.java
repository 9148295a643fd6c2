package org.finbridge.financing;

/** The financing products (REGULATIONS.md §6.1). */
public enum Product {
    /** A working-capital term loan repaid by instalments on a schedule (§6.2). */
    TERM_LOAN,
    /**
     * Revenue-based financing (Stripe Capital pattern, §6.1): an advance and one fixed fee, repaid by a
     * holdback percentage of every settlement until the total is paid, with a minimum payment per period.
     */
    REVENUE_BASED
}
