package org.finbridge.webhooks;

import java.util.List;

/** A change to an endpoint; a null field is left as it is. */
public record EndpointChange(String url, List<String> eventTypes, String description) {
}
