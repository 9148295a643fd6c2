package org.finbridge.financing;

import java.math.BigDecimal;
import org.finbridge.party.PartyId;

/**
 * A pre-qualified offer to a merchant: a programme's terms up to the limit of the merchant's credit grade,
 * with the full annual cost of borrowing the whole limit disclosed (APR including every fee).
 */
public record Offer(ProgrammeId programmeId, PartyId lenderId, Product product, String currency, long maxPrincipal,
                    BigDecimal annualRate, int months, AmortizationMethod method, int upfrontFeeBasisPoints,
                    int fixedFeeBasisPoints, int holdbackBasisPoints, String grade, BigDecimal apr,
                    BigDecimal effectiveRate) {
}
