package org.finbridge.party.web;

import static org.finbridge.party.web.PartyProblems.invalid;
import static org.finbridge.party.web.PartyProblems.notFound;
import static org.finbridge.party.web.PartyProblems.partyId;

import org.finbridge.party.BuyerTier;
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

    private static final String ACTOR = "api";

    private final BuyerVerification verification;

    BuyerKycController(BuyerVerification verification) {
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
    KycView kyc(@PathVariable String partyId) {
        return verification.tierOf(partyId(partyId)).map(KycView::of)
                .orElseThrow(() -> notFound("BUYER_NOT_FOUND", partyId));
    }

    @PostMapping("/verification")
    ResponseEntity<?> verify(@PathVariable String partyId, @RequestBody VerifyBody body) {
        return switch (verification.verify(partyId(partyId), body.fullName(), body.documentType(), body.documentCountry(),
                body.documentNumber(), ACTOR)) {
            case BuyerVerification.Result.Verified v -> ResponseEntity.ok(KycView.of(v.tier()));
            case BuyerVerification.Result.NotFound n -> Problems.response(HttpStatus.NOT_FOUND, "BUYER_NOT_FOUND", "no " + n.what());
            case BuyerVerification.Result.InvalidField f -> invalid(f.field(), f.reason());
        };
    }
}
