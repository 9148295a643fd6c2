package org.finbridge.financing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;

/**
 * The financing API. Lenders publish programmes and see their loans and portfolio; merchants see their
 * offers, apply, accept a contract (which disburses) and repay; operators review referred applications,
 * fund lenders' accounts and see everything. Another party's loan answers {@link LoanResult.NotFound}.
 */
public interface Financing {

    ProgrammeResult publish(Actor actor, NewProgramme programme);

    List<Programme> programmes(Actor actor);

    /** Credits a lender's funding account with money received from it (an operator, on the bank's statement). */
    LoanResult fundLender(Actor actor, PartyId lender, Money amount, String reference);

    /** Pre-qualified offers for the merchant, if the actor may see them. */
    Optional<List<Offer>> offers(Actor actor, PartyId merchant);

    /** Applies under a programme; underwriting decides at once (approved, referred to a person, or declined). */
    LoanResult apply(Actor actor, PartyId merchant, ProgrammeId programme, long principal, String reference);

    /**
     * A person's decision on a referred application: an operator's credit reviewer, or the lender whose
     * programme the application is under (another lender's application answers {@link LoanResult.NotFound}).
     */
    LoanResult decide(Actor actor, LoanId loan, boolean approve, String reason);

    /** The merchant accepts the approved contract: the advance is disbursed from the lender's funding account. */
    LoanResult accept(Actor actor, LoanId loan);

    /** A repayment from the merchant's available balance, allocated penalty → interest → fees → principal. */
    LoanResult repay(Actor actor, LoanId loan, long amount, String reference);

    Optional<Loan> loan(Actor actor, LoanId loan);

    List<Loan> loans(Actor actor, int limit);

    Optional<Portfolio> portfolio(Actor actor, PartyId lender, String currency);

    /**
     * The day's servicing, idempotent per business date: accrues interest and penalty up to the date, sweeps
     * settlements, moves days past due and classification, sends reminders. Scheduled daily; tests call it.
     */
    ServicingReport service(LocalDate businessDate);

    record ServicingReport(LocalDate businessDate, int loansAccrued, long interestAccrued, long penaltyAccrued,
                           int sweeps, long swept, int overdue, int reclassified, int defaulted, int closed) {
    }
}
