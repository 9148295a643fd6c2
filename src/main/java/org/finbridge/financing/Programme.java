package org.finbridge.financing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.finbridge.party.PartyId;

/**
 * A lender's lending programme: a product's terms and the most a merchant may borrow by credit grade
 * ({@link CreditStanding#UNRATED} for merchants whose standing is unknown). Offers are drawn from it.
 *
 * @param upfrontFeeBasisPoints an origination fee kept back at disbursement, share of the principal (a receivables
 *                              advance's discount)
 * @param fixedFeeBasisPoints revenue-based financing's one fixed fee, share of the advance
 * @param holdbackBasisPoints the share of every settlement the sweep may take
 * @param minPaymentBasisPoints revenue-based financing's minimum payment per period, share of the total
 * @param penaltyRate annual rate of penalty interest on overdue principal and interest
 * @param servicingFeeBasisPoints the platform's share of every repayment; the lender receives the rest
 * @param advanceRateBasisPoints a receivables advance's most, share of the seller's settlement-pending balance
 * @param depositBasisPoints the security deposit (保证金) the seller must have lodged before the advance is disbursed,
 *                           share of the principal (0: none asked)
 */
public record Programme(ProgrammeId id, PartyId lenderId, String name, Product product, String currency,
                        BigDecimal annualRate, int months, AmortizationMethod method, DayCount dayCount,
                        int upfrontFeeBasisPoints, int fixedFeeBasisPoints, int holdbackBasisPoints,
                        int minPaymentBasisPoints, int periodDays, BigDecimal penaltyRate, int servicingFeeBasisPoints,
                        Map<String, Long> limitsByGrade, int advanceRateBasisPoints, Instant createdAt,
                        int depositBasisPoints) {

    public Programme {
        limitsByGrade = Map.copyOf(limitsByGrade);
    }
}
