package org.finbridge.credit;

/** The answer to a contribution: accepted (or already held), or refused with the rule it broke. */
public sealed interface ContributionResult {

    record Accepted(Contribution contribution, boolean alreadyHeld) implements ContributionResult {
    }

    /** Data the registry may never collect (Credit Reporting Industry Regulation art. 14). */
    record Prohibited(String field, String reason) implements ContributionResult {
    }

    /** Income, deposits or tax data without the subject's explicit consent (art. 14). */
    record ConsentRequired(String reason) implements ContributionResult {
    }

    /** Negative information without a prior notice to the subject (art. 15). */
    record NoticeRequired(String reason) implements ContributionResult {
    }

    record InvalidField(String field, String reason) implements ContributionResult {
    }

    record NotFound(String what) implements ContributionResult {
    }
}
