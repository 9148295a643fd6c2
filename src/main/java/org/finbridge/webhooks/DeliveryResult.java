package org.finbridge.webhooks;

/** The answer to a request to send something now: a manual redelivery or a test event (ping). */
public sealed interface DeliveryResult {

    /** The delivery is due now and the dispatcher sends it in its next pass. */
    record Scheduled(WebhookDelivery delivery) implements DeliveryResult {
    }

    record NotFound(String what) implements DeliveryResult {
    }

    /** The endpoint is disabled: enable it first. */
    record EndpointDisabled(WebhookEndpointId endpointId) implements DeliveryResult {
    }

    /** An attempt is under way right now; ask again when it has ended. */
    record AttemptInProgress(WebhookDeliveryId deliveryId) implements DeliveryResult {
    }
}
