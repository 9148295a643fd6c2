package org.finbridge.supervision;

import org.finbridge.money.Money;

/** The answer to counting an individual's conversion against the annual FX quota. */
public sealed interface FxQuotaResult {

    /**
     * Counted.
     *
     * @param usdEquivalent the conversion in USD at the day's reference rate
     * @param overQuotaWithEvidence true when it took the year over the quota on documentary evidence
     */
    record Counted(Money usdEquivalent, Money usedAfter, boolean overQuotaWithEvidence) implements FxQuotaResult {
    }

    /** The same reference was counted before: nothing counted twice. */
    record AlreadyCounted(String reference) implements FxQuotaResult {
    }

    /** It would take the year over the quota: refused until documentary evidence is attached. */
    record EvidenceRequired(Money usdEquivalent, Money remaining) implements FxQuotaResult {
    }

    /** No reference rate to value the amount in USD. */
    record NoReferenceRate(String currency) implements FxQuotaResult {
    }
}
