package org.finbridge.fx.web;

import org.finbridge.fx.PricingTier;
import org.finbridge.fx.PricingTiers;
import org.finbridge.party.Access;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.platform.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Merchants' FX pricing tiers, set by the platform's operators (commercial terms, audited). */
@RestController
class PricingTierController {

    private final PricingTiers tiers;
    private final Parties parties;

    PricingTierController(PricingTiers tiers, Parties parties) {
        this.tiers = tiers;
        this.parties = parties;
    }

    record TierView(String partyId, PricingTier tier) {
    }

    record AssignTier(PricingTier tier) {
    }

    @GetMapping("/api/v1/fx/pricing-tiers/{partyId}")
    @Access(value = ApiScope.FX_READ, operatorOnly = true)
    TierView tier(Actor actor, @PathVariable String partyId) {
        PartyId party = party(partyId);
        return new TierView(party.toString(), tiers.of(party));
    }

    @PostMapping("/api/v1/fx/pricing-tiers/{partyId}")
    @Access(value = ApiScope.FX_TRADE, operatorOnly = true)
    TierView assign(Actor actor, @PathVariable String partyId, @RequestBody AssignTier body) {
        PartyId party = party(partyId);
        if (body.tier() == null) {
            throw new FxProblems.InvalidField("INVALID_FIELD", "tier", "one of STANDARD, PREFERRED, ENTERPRISE");
        }
        tiers.assign(party, body.tier(), actor.name());
        return new TierView(party.toString(), body.tier());
    }

    /** A known party; an unparseable or unknown id answers 404 alike. */
    private PartyId party(String text) {
        try {
            PartyId id = PartyId.parse(text);
            if (parties.find(id).isPresent()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered as unknown below
        }
        throw new NotFoundException("PARTY_NOT_FOUND", "no such party: " + text);
    }
}
