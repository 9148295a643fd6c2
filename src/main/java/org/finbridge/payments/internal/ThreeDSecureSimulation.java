package org.finbridge.payments.internal;

import org.finbridge.payments.NextAction;
import org.finbridge.payments.PaymentMethod;
import org.springframework.stereotype.Component;

/**
 * A simulated EMV 3-D Secure 2 directory server and issuer ACS. Authentication is frictionless (the
 * issuer authenticates on the data it received) unless the card is one that always challenges — test
 * card 4000 0000 0000 3220, as in Stripe's test mode — in which case the buyer completes a challenge and
 * the result comes back through the completion call; the merchant's risk policy can request a challenge
 * for any card.
 */
@Component
class ThreeDSecureSimulation {

    static final String FRICTIONLESS = "FRICTIONLESS";
    static final String CHALLENGE_PENDING = "CHALLENGE_PENDING";
    static final String AUTHENTICATED = "AUTHENTICATED";
    static final String FAILED = "FAILED";

    sealed interface Outcome {
    }

    record Frictionless() implements Outcome {
    }

    record Challenge(NextAction.ThreeDSecureChallenge action) implements Outcome {
    }

    /** @param challengeRequested the merchant's risk policy asks for a challenge whatever the issuer's own view */
    Outcome authenticate(String paymentId, PaymentMethod.Card card, boolean challengeRequested) {
        if (challengeRequested || card.bin().equals("400000") && card.last4().equals("3220")) {
            return new Challenge(new NextAction.ThreeDSecureChallenge("/api/v1/payments/" + paymentId + "/3ds",
                    "3ds_" + paymentId.substring(4)));
        }
        return new Frictionless();
    }
}
