package org.finbridge.risk.sanctions;

/** What other modules hear about sanctions screening. */
public final class SanctionsEvents {

    private SanctionsEvents() {
    }

    /** A new version of a list is in force; every party is screened again. */
    public record ListChanged(String listCode, ListVersionId versionId) {
    }

    /**
     * A reviewer confirmed that a party (or its owner) is a listed person or entity. AML Law art. 41:
     * stop serving and freeze; the payment and payout modules act on it.
     */
    public record MatchConfirmed(HitId hitId, String subjectRef, String listCode, String entryId) {
    }
}
