package org.finbridge.fx.web;

import java.util.List;
import org.finbridge.fx.CurrencyExposure;
import org.finbridge.fx.FxExposure;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The platform's side of FX, for operators: position and realised spread per currency, pricing tiers. */
@RestController
class ExposureController {

    private final FxExposure exposure;
    private final PricingTiers tiers;
    private final Parties parties;

    ExposureController(FxExposure exposure, PricingTiers tiers, Parties parties) {
        this.exposure = exposure;
        this.tiers = tiers;
        this.parties = parties;
    }

    /**
     * @param position minor units the platform holds (negative: owes) through its liquidity account
     * @param realisedSpread minor units of spread earned in this currency
     */
    record ExposureView(String currency, long position, long realisedSpread, String positionInEur) {
        static ExposureView of(CurrencyExposure e) {
            return new ExposureView(e.position().currency().code(), e.position().minorUnits(),
                    e.realisedSpread().minorUnits(), e.positionInEur() == null ? null : e.positionInEur().toPlainString());
        }
    }

    @GetMapping("/api/v1/fx/exposure")
    @Access(value = ApiScope.FX_READ, operatorOnly = true)
    List<ExposureView> exposure(Actor actor, @RequestParam(required = false) String currency) {
        if (currency == null || currency.isBlank()) {
            return exposure.all().stream().map(ExposureView::of).toList();
        }
        return exposure.of(FxProblems.currency("currency", currency)).map(ExposureView::of).stream().toList();
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
