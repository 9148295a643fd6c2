package org.finbridge.party;

import org.finbridge.platform.events.PublishedEvent;

/** What other modules hear about onboarding. */
public final class KybEvents {

    private KybEvents() {
    }

    public record MerchantKybSubmitted(PartyId partyId, KybApplicationId applicationId) {
    }

    /** Final for its application, so the application names it on the event streams. */
    public record MerchantApproved(PartyId partyId, KybApplicationId applicationId, RiskTier riskTier)
            implements PublishedEvent {

        @Override
        public String eventId() {
            return "kyb:" + applicationId + ":approved";
        }

        @Override
        public String eventType() {
            return "merchant.kyb_approved";
        }

        @Override
        public String subject() {
            return partyId.toString();
        }
    }

    public record MerchantRejected(PartyId partyId, KybApplicationId applicationId, String reason)
            implements PublishedEvent {

        @Override
        public String eventId() {
            return "kyb:" + applicationId + ":rejected";
        }

        @Override
        public String eventType() {
            return "merchant.kyb_rejected";
        }

        @Override
        public String subject() {
            return partyId.toString();
        }
    }
}
