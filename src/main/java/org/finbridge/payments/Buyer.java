package org.finbridge.payments;

import org.finbridge.party.PartyId;

/**
 * Who pays: a registered buyer party when there is one, and the buyer's country (ISO 3166-1 alpha-2),
 * which decides whether the payment is domestic or cross-border for fees and risk.
 */
public record Buyer(PartyId partyId, String country) {
}
