package org.finbridge.credit;

/**
 * What a contributed record says about its subject. Negative categories are "negative information" in the
 * sense of the Credit Reporting Industry Regulation art. 44 (defaults, administrative penalties, court
 * judgments) and the trade equivalents the registry treats the same way (chargebacks, customs
 * mismatches, complaints): the provider must have notified the subject before reporting them (art. 15)
 * unless the information is public by law, and they are deleted 5 years after the event ends (art. 16).
 * Sensitive categories (income, deposits, tax) need the subject's explicit consent (art. 14).
 *
 * @param negative whether the record is negative information
 * @param publicByLaw whether the information is published under law, so no advance notice is needed
 * @param sensitive whether the subject's explicit consent (scope INCOME_AND_TAX) is required
 */
public enum ContributionCategory {
    /** A sale captured; amount = the sale's amount in major units. */
    SALE(false, false, false),
    REFUND(false, false, false),
    CHARGEBACK(true, false, false),
    SHIPMENT_ON_TIME(false, false, false),
    SHIPMENT_LATE(false, false, false),
    DELIVERY(false, false, false),
    RETURN(false, false, false),
    CUSTOMS_MATCH(false, false, false),
    CUSTOMS_MISMATCH(true, false, false),
    /** A marketplace's store rating; amount = the rating on a 0–5 scale. */
    STORE_RATING(false, false, false),
    /** A marketplace's store age; amount = months since the store opened. */
    STORE_AGE(false, false, false),
    COMPLAINT(true, false, false),
    REPAYMENT_ON_TIME(false, false, false),
    /** A repayment overdue; amount = days past due. */
    REPAYMENT_OVERDUE(true, false, false),
    ADMINISTRATIVE_PENALTY(true, true, false),
    COURT_JUDGMENT(true, true, false),
    INCOME(false, false, true),
    DEPOSITS(false, false, true),
    TAX(false, false, true);

    private final boolean negative;
    private final boolean publicByLaw;
    private final boolean sensitive;

    ContributionCategory(boolean negative, boolean publicByLaw, boolean sensitive) {
        this.negative = negative;
        this.publicByLaw = publicByLaw;
        this.sensitive = sensitive;
    }

    public boolean negative() {
        return negative;
    }

    public boolean publicByLaw() {
        return publicByLaw;
    }

    public boolean sensitive() {
        return sensitive;
    }
}
