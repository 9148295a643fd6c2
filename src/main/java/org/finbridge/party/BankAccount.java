package org.finbridge.party;

import java.time.Instant;

/**
 * A payout bank account of a party. VERIFIED when its numbers check out and the holder's name
 * matches the party's verified legal name; PENDING_APPROVAL when the names differ and an operator
 * must decide (payouts to a third party's account are how funds get diverted).
 */
public record BankAccount(String id, PartyId partyId, String currency, String country, String iban,
                          String accountNumber, String bic, String cnaps, String holderName, Status status,
                          String statusReason, Instant createdAt) {

    public enum Status { VERIFIED, PENDING_APPROVAL, REJECTED, CLOSED }
}
