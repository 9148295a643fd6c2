package org.finbridge.financing;

/** The answer to a restructuring request: the restructuring (and the loan as it is now), or the rule broken. */
public sealed interface RestructuringResult {

    record Done(Restructuring restructuring, Loan loan) implements RestructuringResult {
    }

    /** The same proposal (same reference) was made before: nothing changed. */
    record Existing(Restructuring restructuring, Loan loan) implements RestructuringResult {
    }

    /** No such loan, or another party's. */
    record NotFound(String what) implements RestructuringResult {
    }

    record Invalid(String field, String reason) implements RestructuringResult {
    }

    /** The loan, or its restructuring, is not in a state that allows the action. */
    record IllegalState(String state, String action) implements RestructuringResult {
    }

    /** The reviewer proposed the restructuring: a second person must decide (four eyes). */
    record FourEyesRequired(String proposer) implements RestructuringResult {
    }
}
