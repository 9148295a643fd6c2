package org.finbridge.supervision;

/** The answer to recording a declaration's status; refusals change nothing. */
public sealed interface BopStatusResult {

    record Recorded(BopDeclaration declaration) implements BopStatusResult {
    }

    /** No such declaration (or a malformed id). */
    record NotFound() implements BopStatusResult {
    }

    /** The declaration's lifecycle does not allow this step from where it stands ({@link BopStatus}). */
    record IllegalTransition(BopStatus from, BopStatus to) implements BopStatusResult {
    }

    record InvalidField(String field, String reason) implements BopStatusResult {
    }
}
