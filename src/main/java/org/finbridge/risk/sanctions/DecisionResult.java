package org.finbridge.risk.sanctions;

/** What a reviewer's decision did. */
public sealed interface DecisionResult {

    record Decided(ReviewHit hit) implements DecisionResult {
    }

    record NotFound(HitId id) implements DecisionResult {
    }

    /** Settled before; a decision is made once (a new hit is raised if the list entry changes). */
    record AlreadyDecided(ReviewHit hit) implements DecisionResult {
    }

    record InvalidField(String field, String reason) implements DecisionResult {
    }
}
