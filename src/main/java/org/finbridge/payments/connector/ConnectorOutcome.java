package org.finbridge.payments.connector;

import org.finbridge.money.Money;
import org.finbridge.payments.NextAction;

/**
 * What a connector answered. {@link TimedOut} means the outcome is unknown: the caller retries with the
 * same idempotency key, never a new one. {@link Unavailable} means the request was not taken at all
 * (an outage, an open circuit): another route may be tried.
 */
public sealed interface ConnectorOutcome {

    /** Done; {@code processed} is what the connector took, in its settlement currency. */
    record Approved(String reference, Money processed) implements ConnectorOutcome {
    }

    /** The buyer must act (redirect, QR code, transfer, chain payment); completion arrives as a {@link ConnectorEvent}. */
    record ActionRequired(String reference, NextAction action) implements ConnectorOutcome {
    }

    record Declined(DeclineCode code, String message) implements ConnectorOutcome {
        public boolean isSoft() {
            return code.isSoft();
        }
    }

    record TimedOut(String detail) implements ConnectorOutcome {
    }

    record Unavailable(String detail) implements ConnectorOutcome {
    }
}
