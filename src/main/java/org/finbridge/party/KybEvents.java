package org.finbridge.party;

/** What other modules hear about onboarding. */
public final class KybEvents {

    private KybEvents() {
    }

    public record MerchantKybSubmitted(PartyId partyId, KybApplicationId applicationId) {
    }

    public record MerchantApproved(PartyId partyId, KybApplicationId applicationId, RiskTier riskTier) {
    }

    public record MerchantRejected(PartyId partyId, KybApplicationId applicationId, String reason) {
    }
}
