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

    /**
     * Credits a lender's funding account (or a guarantor's, from which it pays claims) with money received from it
     * (an operator, on the bank's statement).
     */
    LoanResult fundLender(Actor actor, PartyId lender, Money amount, String reference);

    /** Pre-qualified offers for the merchant, if the actor may see them. */
    Optional<List<Offer>> offers(Actor actor, PartyId merchant);

    /**
     * What the merchant may borrow against its pending receivables in the currency, if the actor may see it
     * (empty for another party or an unknown currency).
     */
    Optional<BorrowingBase> borrowingBase(Actor actor, PartyId merchant, String currency);

    /** Applies under a programme; underwriting decides at once (approved, referred to a person, or declined). */
    LoanResult apply(Actor actor, PartyId merchant, ProgrammeId programme, long principal, String reference);

    /**
     * Applies for import / supplier credit under an {@link Product#IMPORT_CREDIT} programme: {@code principal} is paid
     * to the supplier's bank account {@code supplierBankAccountId} (one of the merchant's payout accounts, registered
     * for the supplier and approved by an operator) against the supplier's invoice {@code invoiceReference}, at
     * acceptance. Underwriting adds the SUPPLIER_ACCOUNT policy to the usual ones.
     */
    LoanResult applyForImport(Actor actor, PartyId merchant, ProgrammeId programme, long principal, String reference,
                              String supplierBankAccountId, String invoiceReference);

    /**
     * A person's decision on a referred application: an operator's credit reviewer, or the lender whose
     * programme the application is under (another lender's application answers {@link LoanResult.NotFound}).
     */
    LoanResult decide(Actor actor, LoanId loan, boolean approve, String reason);

    /**
     * The merchant accepts the approved contract: the advance is disbursed from the lender's funding account (for an
     * import credit, straight on to the supplier through the payouts path, in the same transaction).
     */
    LoanResult accept(Actor actor, LoanId loan);

    /** A repayment from the merchant's available balance, allocated penalty → interest → fees → principal. */
    LoanResult repay(Actor actor, LoanId loan, long amount, String reference);

    /**
     * The merchant lodges a security deposit (保证金) for its approved or active loan: {@code amount} moves from its
     * available balance into the loan's deposit account, held until the loan closes (released back) or defaults
     * (applied to what it owes). One deposit per loan; the {@code reference} (the Idempotency-Key) makes a
     * repeated request answer the first. A balance that cannot pay it answers {@link LoanResult.InsufficientFunds}
     * and moves nothing.
     */
    LoanResult lodgeDeposit(Actor actor, LoanId loan, long amount, String reference);

    /**
     * The merchant takes its deposit back before the advance is disbursed (it changed its mind about the loan): the
     * deposit goes back to its available balance and cannot be lodged again for this loan.
     */
    LoanResult withdrawDeposit(Actor actor, LoanId loan);

    /**
     * A guarantor states the guarantees it offers in a currency: at most {@code exposureLimit} covered in total, for a
     * fee of {@code feeBasisPoints} of each guaranteed principal, paid by the seller at disbursement. Stating them
     * again replaces the terms (guarantees already given keep their fee).
     */
    LoanResult offerGuarantees(Actor actor, String currency, long exposureLimit, int feeBasisPoints);

    /**
     * The loan's lender (or an operator) has an approved loan guaranteed by the guarantor for {@code coverageBasisPoints}
     * of its principal; refused with {@link LoanResult.GuaranteeLimitExceeded} when the guarantor's limit cannot take it.
     */
    LoanResult guarantee(Actor actor, LoanId loan, PartyId guarantor, int coverageBasisPoints);

    /**
     * The programme's lender (or an operator) has every loan of the programme guaranteed by the guarantor for
     * {@code coverageBasisPoints} of its principal from acceptance on (a loan the guarantor's limit cannot take is
     * refused at acceptance with {@link LoanResult.GuaranteeLimitExceeded}); stating it again replaces it for loans
     * not yet accepted.
     */
    ProgrammeResult guaranteeProgramme(Actor actor, ProgrammeId programme, PartyId guarantor, int coverageBasisPoints);

    /** The guarantor's terms and guarantees in the currency, for the guarantor itself or an operator. */
    Optional<GuarantorBook> guarantees(Actor actor, PartyId guarantor, String currency);

    /**
     * The loan's lender (or an operator) proposes to extend a term loan by {@code extendMonths} with a reason;
     * the {@code reference} (the Idempotency-Key) makes a repeated proposal answer the first.
     */
    RestructuringResult proposeRestructuring(Actor actor, LoanId loan, int extendMonths, String reason, String reference);

    /** A credit reviewer other than the proposer approves (the loan is rescheduled) or rejects the open proposal. */
    RestructuringResult decideRestructuring(Actor actor, LoanId loan, boolean approve, String reason);

    /** The loan's restructurings, newest first, each with the schedule it replaced; empty for another's loan. */
    Optional<java.util.List<Restructuring>> restructurings(Actor actor, LoanId loan);

    Optional<Loan> loan(Actor actor, LoanId loan);

    /**
     * How many loans are in each state, over every lender and merchant: counts only, no party's loan, for the
     * market overview's approval and default rates.
     */
    java.util.Map<LoanState, Long> countsByState();

    List<Loan> loans(Actor actor, int limit);

    Optional<Portfolio> portfolio(Actor actor, PartyId lender, String currency);

    /**
     * The day's servicing, idempotent per business date: accrues interest and penalty up to the date, sweeps
     * settlements, moves days past due and classification, sends reminders, and brings each loan's loss
     * allowance to its class's provision ({@code provisionsBooked}: the net change). Scheduled daily; tests call it.
     */
    ServicingReport service(LocalDate businessDate);

    record ServicingReport(LocalDate businessDate, int loansAccrued, long interestAccrued, long penaltyAccrued,
                           int sweeps, long swept, int overdue, int reclassified, int defaulted, int closed,
                           long provisionsBooked) {
    }
}
