package org.finbridge.party.web;

import static org.finbridge.party.web.PartyProblems.invalid;
import static org.finbridge.party.web.PartyProblems.notFound;

import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.BuyerTier;
import org.finbridge.party.PartyKind;
import org.finbridge.party.BuyerVerification;
import org.finbridge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A buyer's KYC tier and limits, and its verification with an identity document. */
@RestController
@RequestMapping("/api/v1/parties/{partyId}/kyc")
class BuyerKycController {

    private final BuyerVerification verification;

    private final VisibleParties visible;

    BuyerKycController(BuyerVerification verification, VisibleParties visible) {
        this.visible = visible;
        this.verification = verification;
    }

    record KycView(BuyerTier tier, String limitCurrency, long perPaymentLimit, long per30DaysLimit) {
        static KycView of(BuyerTier tier) {
            return new KycView(tier, "USD", tier.perPaymentLimit().minorUnits(), tier.per30DaysLimit().minorUnits());
        }
    }

    record VerifyBody(String fullName, String documentType, String documentCountry, String documentNumber) {
    }

    @GetMapping
    @Access(value = ApiScope.PARTIES_READ, kinds = PartyKind.BUYER)
    KycView kyc(Actor actor, @PathVariable String partyId) {
        return verification.tierOf(visible.of(actor, partyId)).map(KycView::of)
                .orElseThrow(() -> notFound("BUYER_NOT_FOUND", partyId));
    }

    @PostMapping("/verification")
    @Access(value = ApiScope.PARTIES_WRITE, kinds = PartyKind.BUYER)
    ResponseEntity<?> verify(Actor actor, @PathVariable String partyId, @RequestBody VerifyBody body) {
        return switch (verification.verify(visible.of(actor, partyId), body.fullName(), body.documentType(),
                body.documentCountry(), body.documentNumber(), actor.name())) {
            case BuyerVerification.Result.Verified v -> ResponseEntity.ok(KycView.of(v.tier()));
            case BuyerVerification.Result.NotFound n -> Problems.response(HttpStatus.NOT_FOUND, "BUYER_NOT_FOUND", "no " + n.what());
            case BuyerVerification.Result.InvalidField f -> invalid(f.field(), f.reason());
        };
    }
}
