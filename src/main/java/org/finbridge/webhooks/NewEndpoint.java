package org.finbridge.webhooks;

import java.util.List;

/**
 * What a party asks for when it registers an endpoint.
 *
 * @param url an absolute https URL on a public address
 * @param eventTypes the declared event types to receive, or {@value WebhookEventTypes#ALL}
 * @param description the owner's note, optional, at most 500 characters
 */
public record NewEndpoint(String url, List<String> eventTypes, String description) {
}
