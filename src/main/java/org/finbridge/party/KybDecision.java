package org.finbridge.party;

/** A reviewer's decision on an application in review. */
public sealed interface KybDecision {

    /** Approve with the risk tier the reviewer settles on. */
    record Approve(RiskTier riskTier, String note) implements KybDecision {
    }

    record Reject(String reason) implements KybDecision {
    }

    record RequestInformation(String whatIsMissing) implements KybDecision {
    }
}
