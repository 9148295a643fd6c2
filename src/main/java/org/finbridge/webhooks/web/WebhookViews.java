package org.finbridge.webhooks.web;

import java.time.Instant;
import java.util.List;
import org.finbridge.webhooks.DeliveryAttempt;
import org.finbridge.webhooks.WebhookDelivery;
import org.finbridge.webhooks.WebhookEndpoint;

/** The JSON shapes of the webhook endpoint API. */
final class WebhookViews {

    private WebhookViews() {
    }

    record EndpointView(String id, String url, String description, List<String> eventTypes, String status,
                        String disabledReason, Instant createdAt, Instant updatedAt, Instant previousSecretExpiresAt) {
        static EndpointView of(WebhookEndpoint e) {
            return new EndpointView(e.id().toString(), e.url(), e.description(), e.eventTypes(), e.status().name(),
                    e.disabledReason(), e.createdAt(), e.updatedAt(), e.previousSecretExpiresAt());
        }
    }

    /** The answer to create and rotate: the only time the secret is shown. */
    record EndpointWithSecret(EndpointView endpoint, String secret) {
    }

    record AttemptView(int number, Instant attemptedAt, String outcome, Integer statusCode, String error,
                       long durationMillis) {
        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.number(), a.attemptedAt(), a.outcome().name(), a.statusCode(), a.error(),
                    a.durationMillis());
        }
    }

    record DeliveryView(String id, String endpointId, String eventId, String eventType, String status, int attempts,
                        Instant createdAt, Instant nextAttemptAt, Instant giveUpAt, Instant lastAttemptAt,
                        Integer lastStatusCode, String lastError, Instant deliveredAt, List<AttemptView> history) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id().toString(), d.endpointId().toString(), d.eventId(), d.eventType(),
                    d.status().name(), d.attempts(), d.createdAt(), d.nextAttemptAt(), d.giveUpAt(), d.lastAttemptAt(),
                    d.lastStatusCode(), d.lastError(), d.deliveredAt(), d.history().stream().map(AttemptView::of).toList());
        }
    }

    /** One page of deliveries; {@code nextBefore} is the cursor for the next (older) page, or null at the end. */
    record DeliveryPage(List<DeliveryView> deliveries, String nextBefore) {
    }
}
