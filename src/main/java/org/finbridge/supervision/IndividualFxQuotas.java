package org.finbridge.supervision;

import org.finbridge.money.Money;

/**
 * Individuals' annual FX facilitation quota: USD 50,000 equivalent per person per calendar year, for
 * settlement and for purchase separately (regulations notes §2). Within it a conversion goes ahead on the
 * person's declaration; above it documentary evidence of the current-account purpose is required. A person
 * is tracked by the keyed hash of the identity document, like the CBEC quota; concurrent conversions of one
 * person never take a direction's total over the quota without evidence.
 */
public interface IndividualFxQuotas {

    /**
     * Counts a conversion against the person's year, or refuses it.
     *
     * @param reference the conversion's unique reference (idempotency key)
     * @param amount in any currency with a reference rate; counted at its USD equivalent on the day
     * @param evidenceAttached documentary evidence was checked: the conversion may exceed the quota
     */
    FxQuotaResult use(String reference, IdentityDocument person, FxDirection direction, Money amount, boolean evidenceAttached);

    /** The annual quota in force on a day (USD). */
    Money quota(java.time.LocalDate day);

    /** The USD equivalent the person has used in a direction and year. */
    Money used(IdentityDocument person, FxDirection direction, int year);
}
