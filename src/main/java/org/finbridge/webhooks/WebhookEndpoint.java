package org.finbridge.webhooks;

import java.time.Instant;
import java.util.List;
import org.finbridge.party.PartyId;

/**
 * A URL where a party receives events of the types it subscribed to. Never shown with its signing
 * secret, which is answered only when the endpoint is created or its secret rotated.
 *
 * @param eventTypes the subscribed types, sorted; {@value WebhookEventTypes#ALL} means every type
 * @param disabledReason why a DISABLED endpoint was disabled, or null
 * @param previousSecretExpiresAt while a rotated-out secret still signs too (the overlap), when it stops;
 *                                otherwise null
 */
public record WebhookEndpoint(WebhookEndpointId id, PartyId owner, String url, String description,
                              List<String> eventTypes, EndpointStatus status, String disabledReason,
                              Instant createdAt, Instant updatedAt, Instant previousSecretExpiresAt) {

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
    }

    public boolean receives(String eventType) {
        return status == EndpointStatus.ENABLED
                && (eventTypes.contains(WebhookEventTypes.ALL) || eventTypes.contains(eventType));
    }
}
