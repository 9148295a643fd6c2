package org.finbridge.settlement;

import java.time.LocalDate;
import org.finbridge.party.PartyId;

/**
 * A merchant asks to pay out {@code amount} of its available balance in {@code currency} to one of its
 * verified bank accounts; the bank account's currency decides what the bank pays.
 *
 * @param reference the merchant's own id for the request: asking twice with it answers the first payout
 * @param deadline the latest business day the money should arrive; null = cheapest rail whatever its speed
 */
public record NewPayout(PartyId merchantId, long amount, String currency, String bankAccountId, LocalDate deadline,
                        String reference) {
}
