package org.finbridge.risk.aml;

/** The answer to a command on a case; refusals are named after the rule they keep. */
public sealed interface CaseResult {

    record Done(AmlCase amlCase) implements CaseResult {
    }

    /** No such case (or a malformed id): 404. */
    record NotFound() implements CaseResult {
    }

    record InvalidField(String field, String reason) implements CaseResult {
    }

    /** The case's lifecycle does not allow the action from its current status ({@link CaseStatus}). */
    record IllegalTransition(CaseStatus status, String action) implements CaseResult {
    }

    /** The approver prepared the proposal: a second person must decide (four-eyes, REGULATIONS §4). */
    record FourEyesRequired(String preparer) implements CaseResult {
    }
}
