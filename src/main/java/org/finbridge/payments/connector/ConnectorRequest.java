package org.finbridge.payments.connector;

import org.finbridge.money.Money;
import org.finbridge.payments.PaymentMethod;

/**
 * What is asked of a connector. Every request carries an idempotency key derived from the payment and
 * its step, so that a retry after a timeout (or a recovery after a crash) is the same request to the
 * connector, as acquirers' APIs expect.
 */
public sealed interface ConnectorRequest {

    String idempotencyKey();

    /**
     * @param paymentRef the payment's id, for the connector's records and statements
     * @param capture capture at once (sale) instead of authorizing only
     * @param region DOMESTIC when buyer and merchant are in one country, else CROSS_BORDER
     */
    record Authorize(String idempotencyKey, String paymentRef, Money amount, PaymentMethod method, boolean capture,
                     Region region) implements ConnectorRequest {
    }

    /** @param finalCapture no further capture will follow: the connector releases the rest */
    record Capture(String idempotencyKey, String reference, Money amount, boolean finalCapture) implements ConnectorRequest {
    }

    record Void(String idempotencyKey, String reference) implements ConnectorRequest {
    }

    record Refund(String idempotencyKey, String reference, Money amount) implements ConnectorRequest {
    }

    /**
     * Undoes whatever an authorization sent under {@code authorizationKey} did, if anything: the reversal
     * an acquirer expects when the caller never heard the answer (ISO 8583 reversal advice, 0400/0420).
     *
     * @param amount the authorization's amount (a reversal of nothing answers zero in its currency)
     */
    record Reverse(String idempotencyKey, String authorizationKey, Money amount) implements ConnectorRequest {
    }
}
