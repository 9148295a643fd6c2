package org.finbridge.payments;

import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/**
 * Asked before every authorization. The risk module implements it; until it does, the payments module
 * runs a neutral policy that allows everything and says so in its name.
 */
public interface RiskPolicy {

    Decision assess(Facts facts);

    /** What the policy sees: no card number, only what the payment stores. */
    record Facts(PaymentId paymentId, PartyId merchantId, Buyer buyer, Money amount, PaymentMethod method,
                 String merchantCountry) {
    }

    sealed interface Decision {
    }

    record Allow() implements Decision {
    }

    /** Authenticate the cardholder first (3-D Secure 2): frictionless or with a challenge. */
    record Challenge(String reason) implements Decision {
    }

    record Block(String reason) implements Decision {
    }
}
