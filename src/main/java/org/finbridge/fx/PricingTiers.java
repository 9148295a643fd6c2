package org.finbridge.fx;

import org.finbridge.party.PartyId;

/** Each party's pricing tier; STANDARD until an operator assigns another. */
public interface PricingTiers {

    PricingTier of(PartyId party);

    /** Assigns a tier (audited); applies to quotes asked for from now on. */
    void assign(PartyId party, PricingTier tier, String actor);
}
