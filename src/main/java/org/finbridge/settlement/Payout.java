package org.finbridge.settlement;

import java.time.Instant;
import java.time.LocalDate;
import org.finbridge.party.PartyId;

/**
 * Money leaving the platform for a merchant's verified bank account. See {@link PayoutState} for the
 * lifecycle. When the merchant pays out a balance in another currency than its account's, the amount is
 * converted first at a quote executed at once ({@code quoteId}), so the rate is the one shown.
 *
 * @param sourceAmount what left the merchant's balance in {@code sourceCurrency} (before conversion)
 * @param amount what the bank file pays, in {@code currency} (the bank account's)
 * @param feeMinorUnits the rail's fee, taken from the merchant's available balance in {@code currency}
 * @param endToEndId the id the banks carry through (pain.001 EndToEndId, camt.053/054 EndToEndId)
 * @param expectedArrival the business day the router expects the money to arrive
 */
public record Payout(PayoutId id, PartyId merchantId, String bankAccountId, long sourceAmount, String sourceCurrency,
                     long amount, String currency, String quoteId, long feeMinorUnits, String rail, PayoutState state,
                     String endToEndId, String batchId, LocalDate expectedArrival, String statusReason, Instant createdAt,
                     Instant updatedAt) {
}
