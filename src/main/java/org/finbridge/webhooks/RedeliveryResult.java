package org.finbridge.webhooks;

/** The answer to a manual redelivery. */
public sealed interface RedeliveryResult {

    /** The delivery is due now; if it was not pending, it gets one attempt. */
    record Scheduled(WebhookDelivery delivery) implements RedeliveryResult {
    }

    record NotFound(String what) implements RedeliveryResult {
    }

    /** The endpoint is disabled: enable it first. */
    record EndpointDisabled(WebhookEndpointId endpointId) implements RedeliveryResult {
    }

    /** An attempt is under way right now; ask again when it has ended. */
    record AttemptInProgress(WebhookDeliveryId deliveryId) implements RedeliveryResult {
    }
}
