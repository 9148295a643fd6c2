package org.finbridge.financing;

import java.util.List;
import java.util.Map;
import org.finbridge.party.PartyId;

/**
 * A lender's portfolio in one currency: what is outstanding, how late, how classified and provisioned
 * (REGULATIONS.md §6.4), and vintage curves (loans by month of disbursement, the share of their principal
 * repaid by each month on book).
 *
 * @param dpdBuckets outstanding principal by days past due: CURRENT, 1-30, 31-60, 61-90, 91-180, 181+
 */
public record Portfolio(PartyId lenderId, String currency, long fundingAvailable, int activeLoans, long outstandingPrincipal,
                        long outstandingInterest, long outstandingFees, Map<String, Long> dpdBuckets,
                        Map<LoanClass, Long> principalByClass, long provisions, List<Vintage> vintages) {

    /**
     * @param cumulativeRepaidBasisPoints by month on book (index 0 = the month of disbursement): principal
     *        repaid so far as a share of principal disbursed
     */
    public record Vintage(String month, int loans, long disbursed, long outstanding, List<Integer> cumulativeRepaidBasisPoints,
                          int nonPerformingBasisPoints) {
    }
}
