package org.finbridge.risk.fraud;

/** The answer to a reviewer's verdict: the reviewed decision, or why nothing changed. */
public sealed interface ReviewResult {

    record Reviewed(FraudDecision decision) implements ReviewResult {
    }

    record NotFound() implements ReviewResult {
    }

    /** Someone already reviewed it (a review is final: a second reviewer cannot overwrite the first). */
    record AlreadyReviewed(FraudDecision decision) implements ReviewResult {
    }

    record InvalidField(String field, String reason) implements ReviewResult {
    }

    /**
     * A decline whose payment the payments module would not release now (busy, a connector down, a state
     * that takes no refund): no verdict was recorded; {@code reason} names the payments module's answer.
     */
    record NotReleased(FraudDecision decision, String reason) implements ReviewResult {
    }
}
