package org.finbridge.trade;

import org.finbridge.party.PartyId;

/**
 * Who bought: a buyer registered on the platform, or the marketplace's own reference for a buyer who is
 * not (most marketplace buyers never register with a payment platform). Exactly one of the two is set.
 */
public record Buyer(PartyId partyId, String externalReference) {

    public Buyer {
        if ((partyId == null) == (externalReference == null)) {
            throw new IllegalArgumentException("a buyer is either a party or an external reference");
        }
    }
}
