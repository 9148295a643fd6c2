package org.finbridge.financing;

import java.util.ArrayList;
import java.util.List;

/**
 * What one settlement pays towards a merchant's loans (REGULATIONS.md §6.1, the PayMongo sweep formula
 * {@code repayment = min(settled × rate, outstanding)} extended to several loans): loans in priority
 * order each take at most their holdback share of the settled amount and at most what they are due now,
 * and together never more than the settled amount nor the balance there is to take from.
 */
public final class Sweep {

    private Sweep() {
    }

    /**
     * @param due what the loan may collect now (instalments due and overdue; the whole remaining total for
     *            revenue-based financing)
     * @param holdbackBasisPoints the share of every settlement the loan may take (10,000 = all of it)
     */
    public record Claim(LoanId loan, long due, int holdbackBasisPoints) {
        public Claim {
            if (due < 0 || holdbackBasisPoints < 0 || holdbackBasisPoints > 10_000) {
                throw new IllegalArgumentException("a claim needs due ≥ 0 and a holdback of 0 to 10,000 basis points");
            }
        }
    }

    public record Take(LoanId loan, long amount) {
    }

    /** The takes for one settlement of {@code settled} minor units when {@code available} can be debited. */
    public static List<Take> plan(long settled, long available, List<Claim> claimsInPriorityOrder) {
        long left = Math.max(0, Math.min(settled, available));
        List<Take> takes = new ArrayList<>();
        for (Claim c : claimsInPriorityOrder) {
            // the holdback is a share of the settlement, rounded down: the merchant keeps the fraction
            long holdback = java.math.BigInteger.valueOf(Math.max(0, settled))
                    .multiply(java.math.BigInteger.valueOf(c.holdbackBasisPoints()))
                    .divide(java.math.BigInteger.valueOf(10_000)).longValueExact();
            long take = Math.min(left, Math.min(holdback, c.due()));
            if (take > 0) {
                takes.add(new Take(c.loan(), take));
                left -= take;
            }
        }
        return takes;
    }
}
