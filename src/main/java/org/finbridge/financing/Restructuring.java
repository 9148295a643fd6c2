package org.finbridge.financing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A restructuring of a term loan: its lender (or the platform's credit desk) proposes to extend the term by
 * some months with a recorded reason; a credit reviewer other than the proposer approves or rejects it (four
 * eyes). On approval the principal still owed is rescheduled by the loan's method and rate over the
 * instalments not yet due plus the extension, from the day of approval; interest accrued and fees unpaid are
 * carried into the first new instalment, penalty interest already accrued stays owed; the schedule as it was
 * is kept here for history. No money moves: what the seller owes is the same, only when it falls due changes.
 *
 * <pre>
 * PROPOSED ─reviewer (not the proposer)→ APPROVED (new schedule)
 *          └─────────────────────────────→ REJECTED
 * </pre>
 *
 * @param previousSchedule the schedule replaced on approval, with what had been paid of it (empty until then)
 */
public record Restructuring(RestructuringId id, LoanId loanId, String reference, int extendMonths, String reason,
                            State state, String proposedBy, LocalDate proposedOn, String decidedBy, String decisionReason,
                            LocalDate decidedOn, Instant createdAt, List<Loan.Line> previousSchedule) {

    public Restructuring {
        previousSchedule = List.copyOf(previousSchedule);
    }

    public enum State { PROPOSED, APPROVED, REJECTED }

    /** The most months a term may be extended by at once. */
    public static final int MAX_EXTENSION_MONTHS = 60;
}
