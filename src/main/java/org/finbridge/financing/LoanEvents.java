package org.finbridge.financing;

import java.time.LocalDate;
import org.finbridge.party.PartyId;

/**
 * Facts about loans, published as application events in the transaction of the change, for the credit
 * registry (which turns repayment behaviour into its records and, through its own rules and due notice,
 * may list a defaulter) and for notifications. Listeners must be idempotent.
 */
public final class LoanEvents {

    private LoanEvents() {
    }

    /** Common to every loan event: the loan, its borrower and lender, and the business date. */
    public sealed interface LoanEvent permits Disbursed, Repaid, Overdue, Classified, Defaulted, Closed,
            Restructured, GuaranteeClaimed, Cancelled {
        LoanId loan();

        PartyId merchant();

        PartyId lender();

        LocalDate on();
    }

    public record Disbursed(LoanId loan, PartyId merchant, PartyId lender, LocalDate on, String currency, long principal,
                            long netAdvanced) implements LoanEvent {
    }

    /**
     * @param source MANUAL, SWEEP, DEBIT, DEPOSIT (the security deposit applied on default) or GUARANTEE (the
     *               guarantor's claim paid to the lender)
     */
    public record Repaid(LoanId loan, PartyId merchant, PartyId lender, LocalDate on, String currency, long amount,
                         long principal, long interest, long fees, long penalty, String source) implements LoanEvent {
    }

    /** Published when a loan first falls overdue and each day its days past due cross a reminder or class boundary. */
    public record Overdue(LoanId loan, PartyId merchant, PartyId lender, LocalDate on, int daysPastDue, long overdueAmount)
            implements LoanEvent {
    }

    public record Classified(LoanId loan, PartyId merchant, PartyId lender, LocalDate on, LoanClass from, LoanClass to,
                             int daysPastDue) implements LoanEvent {
    }

    /** The loan was declared in default (it reached the loss class or was called); recovery continues. */
    public record Defaulted(LoanId loan, PartyId merchant, PartyId lender, LocalDate on, int daysPastDue, long outstanding)
            implements LoanEvent {
    }

    /**
     * The loan's schedule was changed by an approved restructuring (negative information for the registry,
     * REGULATIONS.md §3.1 Art.44 counts defaults on lending; whether a restructuring is reported is its rule).
     */
    public record Restructured(LoanId loan, PartyId merchant, PartyId lender, LocalDate on, RestructuringId restructuring,
                               int extendMonths, int instalments) implements LoanEvent {
    }

    /** The guarantor paid the lender its covered share of the principal owed by the defaulted loan. */
    public record GuaranteeClaimed(LoanId loan, PartyId merchant, PartyId lender, LocalDate on, PartyId guarantor,
                                   String currency, long claimed) implements LoanEvent {
    }

    public record Closed(LoanId loan, PartyId merchant, PartyId lender, LocalDate on, boolean repaidInFull)
            implements LoanEvent {
    }

    /**
     * An import credit unwound because the bank rejected or returned its payout to the supplier: the advance went back
     * to the lender and the seller was charged nothing for it. Neither a repayment nor a default of the seller.
     */
    public record Cancelled(LoanId loan, PartyId merchant, PartyId lender, LocalDate on, String reason) implements LoanEvent {
    }
}
