package org.finbridge.credit;

/** The answer to a request for a report or a subject's action on its records. */
public sealed interface ReportResult {

    record Issued(CreditReport report) implements ReportResult {
    }

    record StatementAdded(String contributionId) implements ReportResult {
    }

    record ObjectionRecorded(Objection objection) implements ReportResult {
    }

    /** No valid consent of the subject for this grantee and purpose (art. 18): the same answer as NotFound at the API. */
    record NoConsent(String reason) implements ReportResult {
    }

    record NotFound(String what) implements ReportResult {
    }

    record InvalidField(String field, String reason) implements ReportResult {
    }

    record Conflict(String reason) implements ReportResult {
    }
}
