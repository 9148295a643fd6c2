package org.finbridge.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * The delivery of one event to one endpoint, as its owner sees it.
 *
 * @param nextAttemptAt when it will be tried next; null unless PENDING
 * @param giveUpAt when a pending delivery that keeps failing becomes FAILED
 * @param history every attempt, oldest first
 */
public record WebhookDelivery(WebhookDeliveryId id, WebhookEndpointId endpointId, String eventId, String eventType,
                              DeliveryStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
                              Instant giveUpAt, Instant lastAttemptAt, Integer lastStatusCode, String lastError,
                              Instant deliveredAt, List<DeliveryAttempt> history) {

    public WebhookDelivery {
        history = List.copyOf(history);
    }
}
