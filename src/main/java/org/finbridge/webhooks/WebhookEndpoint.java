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
 * @param previousSecretExpiresAt when the last rotated-out secret stops (or stopped) signing alongside the
 *                                current one; null when no secret was rotated out with an overlap
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
