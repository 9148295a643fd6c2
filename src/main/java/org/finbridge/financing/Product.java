package org.finbridge.financing;

/** The financing products (REGULATIONS.md §6.1). */
public enum Product {
    /** A working-capital term loan repaid by instalments on a schedule (§6.2). */
    TERM_LOAN,
    /**
     * Revenue-based financing (Stripe Capital pattern, §6.1): an advance and one fixed fee, repaid by a
     * holdback percentage of every settlement until the total is paid, with a minimum payment per period.
     */
    REVENUE_BASED,
    /**
     * An advance against the seller's pending, not yet settled receivables (the marketplace-advance pattern,
     * REGULATIONS.md §6.1 "factoring of platform receivables"): at most the programme's advance rate of the
     * settlement-pending balance, its fee kept back as a discount, repaid from the settlements of those
     * receivables as they arrive.
     */
    RECEIVABLES_ADVANCE,
    /**
     * Import / supplier credit (inventory finance, REGULATIONS.md §6.1: the use of the funds is the stock itself, as
     * with Amazon Lending): the lender pays the seller's supplier
     * directly, against the supplier's invoice, through the payouts path to the supplier's bank account (which an
     * operator approved as a third party's account); the seller repays on an amortizing schedule like a term loan,
     * from its balance on the due dates and, when the programme sets a holdback, from its later settlements.
     */
    IMPORT_CREDIT;

    /** Repaid on an amortizing schedule with interest (REGULATIONS.md §6.2), not from sales alone. */
    public boolean amortizes() {
        return this == TERM_LOAN || this == IMPORT_CREDIT;
    }
}
