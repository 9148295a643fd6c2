package org.finbridge.risk.aml;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.party.PartyId;

/**
 * The suspicious-transaction alerts about one customer, under review (see {@link CaseStatus} for the
 * lifecycle). A new alert about a customer joins its open case; a closed case stays as it was decided.
 *
 * @param preparer who proposed the decision; the approver must be someone else (four eyes)
 * @param proposal FILE_STR or NO_REPORT, with its {@code rationale}
 * @param dueOn the last working day to decide and file: 5 working days from opening (PBoC Order 2016 No. 3,
 *              STR "promptly, within 5 working days", REGULATIONS §4.2 ⚠ to verify; counted from detection,
 *              the earliest moment suspicion can be said to arise)
 * @param overdue still open after {@code dueOn}, on the platform's clock
 */
public record AmlCase(CaseId id, PartyId partyId, CaseStatus status, String assignee, String preparer, Proposal proposal,
                      String rationale, String approver, LocalDate dueOn, boolean overdue, Instant openedAt,
                      Instant closedAt, ReportId reportId, List<Alert> alerts, List<Note> notes,
                      List<StatusChange> history) {

    public AmlCase {
        alerts = List.copyOf(alerts);
        notes = List.copyOf(notes);
        history = List.copyOf(history);
    }

    /** What the preparer proposes. */
    public enum Proposal { FILE_STR, NO_REPORT }

    public record Note(String author, String body, Instant writtenAt) {
    }

    /** One move of the case, as it happened (append-only). */
    public record StatusChange(int seq, CaseStatus from, CaseStatus to, String actor, String detail, Instant changedAt) {
    }
}
