package org.finbridge.settlement;

import java.time.Instant;
import org.finbridge.party.PartyId;

/**
 * A payout's money came back to the merchant's available balance: the bank rejected the instruction before it paid
 * (pain.002 RJCT, {@link PayoutState#REJECTED}) or the beneficiary's bank sent it back after it settled
 * ({@link PayoutState#RETURNED}). Published once per payout, in the transaction that records the new state, after
 * the ledger moved {@code amount} (in {@code currency}) back: a listener that must act on the money (a lender whose
 * advance the payout carried) does so in that transaction, so that the state and its consequences commit together.
 *
 * @param reference the reference the payout was created with ({@link NewPayout#reference()})
 * @param reason the bank's reason code, or the operator's reason for a return
 */
public record PayoutReversed(PayoutId payout, PartyId merchant, String reference, long amount, String currency,
                             PayoutState state, String reason, Instant at) {
}
