package org.finbridge.financing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.party.PartyId;

/**
 * A loan as its borrower, its lender and operators see it: the contract (terms, the full annual cost,
 * the schedule), where it is in its lifecycle, and what is owed now.
 *
 * @param apr the annual percentage rate of the actual cash flows including every fee (disclosed)
 * @param decision the underwriting verdicts, one per policy, or the reviewer's reason
 * @param breachStatus revenue-based financing's minimum-payment status: OK, NEAR_BREACH or BREACH
 * @param deposit the seller's security deposit held for the loan, if it lodged one
 * @param guarantee the loan's guarantee, if it has one
 * @param supplierPayment an import credit's payment to the seller's supplier, null for other products
 */
public record Loan(LoanId id, ProgrammeId programmeId, PartyId merchantId, PartyId lenderId, String reference,
                   Product product, String currency, long principal, BigDecimal annualRate, int months,
                   AmortizationMethod method, DayCount dayCount, long upfrontFee, long fixedFee, int holdbackBasisPoints,
                   long minPayment, int periodDays, BigDecimal apr, BigDecimal effectiveRate, String grade,
                   LoanState state, String decision, LocalDate disbursedOn, int daysPastDue, LoanClass classification,
                   String breachStatus, Outstanding outstanding, List<Line> schedule, Deposit deposit,
                   Guarantee guarantee, SupplierPayment supplierPayment) {

    public Loan {
        schedule = List.copyOf(schedule);
    }

    /**
     * A security deposit (保证金): cash the seller moved from its available balance into the loan's deposit
     * account as collateral. HELD while the loan runs; RELEASED back to the seller when the loan closes repaid;
     * APPLIED to what the loan owes when it defaults (any part it did not need goes back to the seller).
     *
     * @param held what the deposit account holds now, minor units
     */
    public record Deposit(String reference, long amount, long applied, long released, long held, String state,
                          LocalDate lodgedOn, LocalDate settledOn) {
    }

    /**
     * Where an import credit's advance goes: the supplier's bank account (registered by the seller, approved by an
     * operator as a third party's), the supplier's invoice it pays, and the payout that paid it at disbursement
     * (null before), which the seller follows under its payouts.
     */
    public record SupplierPayment(String bankAccountId, String invoiceReference, String payoutId, LocalDate paidOn) {
    }

    /** What the borrower owes now, minor units: principal not repaid, and charges accrued and unpaid. */
    public record Outstanding(long principal, long interest, long fees, long penalty) {
        public long total() {
            return principal + interest + fees + penalty;
        }
    }

    /** One instalment of the contracted schedule and what of it was paid. */
    public record Line(int period, LocalDate dueDate, long principal, long interest, long fee, long paidPrincipal,
                       long paidInterest, long paidFee) {
        public long due() {
            return principal + interest + fee;
        }

        public long paid() {
            return paidPrincipal + paidInterest + paidFee;
        }
    }
}
