package org.finbridge.payments;

import java.util.List;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/**
 * Asked before every authorization. The risk module implements it; without it, the payments module
 * runs a neutral policy that allows everything and says so in its name.
 *
 * <p>Decisions follow Stripe Radar's outcomes: allow; review (authorize, and put the payment in front
 * of an operator); challenge (authenticate the cardholder with 3-D Secure before authorizing); block.
 * Each carries the {@link Assessment} behind it: score, model version and reason codes.
 */
public interface RiskPolicy {

    Decision assess(Facts facts);

    /**
     * What the policy sees: no card number, only what the payment stores (the card's BIN, network and
     * fingerprint; the buyer's checkout signals in {@link Buyer}).
     */
    record Facts(PaymentId paymentId, PartyId merchantId, Buyer buyer, Money amount, PaymentMethod method,
                 String merchantCountry) {
    }

    /**
     * Why: the probability of fraud the policy estimated (0..1), the version of the model that estimated
     * it, and reason codes (the named rules that fired, then the model's strongest signals).
     *
     * @param decisionId the policy's own reference for this decision (for its review queue), or null
     */
    record Assessment(double score, String modelVersion, List<String> reasons, String decisionId) {

        public static final Assessment NONE = new Assessment(0, "none", List.of(), null);

        public Assessment {
            reasons = List.copyOf(reasons);
        }
    }

    sealed interface Decision {
        Assessment assessment();
    }

    record Allow(Assessment assessment) implements Decision {
        public Allow() {
            this(Assessment.NONE);
        }
    }

    /** Authorize, and queue the payment for an operator's review (who may refund it or let it be). */
    record Review(Assessment assessment) implements Decision {
    }

    /** Authenticate the cardholder first (3-D Secure 2, challenge requested by the merchant). */
    record Challenge(String reason, Assessment assessment) implements Decision {
        public Challenge(String reason) {
            this(reason, Assessment.NONE);
        }
    }

    record Block(String reason, Assessment assessment) implements Decision {
        public Block(String reason) {
            this(reason, Assessment.NONE);
        }
    }
}
