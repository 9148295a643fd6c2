package org.finbridge.supervision;

import java.time.Instant;
import java.util.UUID;
import org.finbridge.party.PartyId;

/**
 * One retail import order as taxed and counted: the quote applied against the buyer's tracked annual total.
 * The buyer appears only as the hash of the identity document.
 *
 * @param quotaYear the calendar year (Beijing time) whose quota the order counted in
 */
public record CbecImportRecord(UUID id, PartyId marketplace, String orderNumber, String buyerHash, int quotaYear,
                               CbecQuote quote, State state, Instant recordedAt, Instant returnedAt) {

    public enum State {
        /** Taxed; its value counts toward the buyer's year if the treatment says so. */
        RECORDED,
        /** Returned within the window: tax refunded, the quota it used restored. */
        RETURNED
    }
}
