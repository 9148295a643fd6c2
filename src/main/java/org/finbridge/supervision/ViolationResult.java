package org.finbridge.supervision;

/** The answer to a step in a violation case. */
public sealed interface ViolationResult {

    record Moved(Violation violation) implements ViolationResult {
    }

    /** No such case, or one this regulator may not see: answered alike. */
    record NotFound() implements ViolationResult {
    }

    /** The case is not in a state that allows the step. */
    record IllegalTransition(Violation.State from, Violation.State to) implements ViolationResult {
    }
}
