package org.finbridge.financing;

import java.math.BigDecimal;

/** The answer to a loan request: the loan, or the rule the request broke. */
public sealed interface LoanResult {

    /** The request changed the loan (an application's loan carries underwriting's verdict in its state). */
    record Done(Loan loan) implements LoanResult {
    }

    /** The same request (same reference) was answered before: nothing changed. */
    record Existing(Loan loan) implements LoanResult {
    }

    /** No such loan or programme, or another party's. */
    record NotFound(String what) implements LoanResult {
    }

    record Invalid(String field, String reason) implements LoanResult {
    }

    /** The loan's state does not allow the action. */
    record IllegalState(LoanState state, String action) implements LoanResult {
    }

    /** More than the offer's limit for the merchant's grade. */
    record OverLimit(long maxPrincipal) implements LoanResult {
    }

    /**
     * The full annual cost including fees exceeds the cap: no new loan above 24 % APR for licensed lenders
     * (REGULATIONS.md §6.3; {@code finbridge.financing.apr-cap}).
     */
    record RateCapExceeded(BigDecimal apr, BigDecimal cap) implements LoanResult {
    }

    /**
     * A receivables advance above the programme's advance rate of the seller's settlement-pending balance, less
     * what its advances already owe: the receivables do not cover it.
     */
    record OverAdvance(long maxPrincipal, long pendingMinorUnits) implements LoanResult {
    }

    /** The lender's funding account cannot pay the advance. */
    record InsufficientFunding(long availableMinorUnits) implements LoanResult {
    }

    /** The merchant's balance cannot pay the repayment. */
    record InsufficientFunds(long availableMinorUnits) implements LoanResult {
    }

    /** The programme asks for a security deposit of {@code requiredMinorUnits} before disbursement; less is held. */
    record DepositRequired(long requiredMinorUnits, long heldMinorUnits) implements LoanResult {
    }

    /** The loan already holds a security deposit lodged under another reference. */
    record DepositHeld(Loan.Deposit deposit) implements LoanResult {
    }

    /**
     * The guarantor's exposure limit in the currency cannot take the covered share of this loan on top of what its
     * guarantees already cover.
     */
    record GuaranteeLimitExceeded(long availableMinorUnits) implements LoanResult {
    }

    /**
     * The payouts path would not pay an import credit's supplier (its account no longer verified, the seller suspended,
     * no rail): nothing was disbursed.
     */
    record SupplierPaymentRefused(String reason) implements LoanResult {
    }
}
