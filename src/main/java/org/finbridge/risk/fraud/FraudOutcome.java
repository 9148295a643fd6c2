package org.finbridge.risk.fraud;

/**
 * What fraud scoring decided for a payment, from mildest to most severe (Stripe Radar's outcomes):
 * authorize; authorize and queue for an operator's review; ask the cardholder to authenticate with
 * 3-D Secure first; refuse before the payment reaches a connector.
 */
public enum FraudOutcome {
    ALLOW, REVIEW, CHALLENGE, BLOCK;

    public FraudOutcome atLeast(FraudOutcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
