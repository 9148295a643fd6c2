package org.finbridge.webhooks;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a webhook endpoint; written {@code whe_…} at the API edge. */
public record WebhookEndpointId(UUID value) {

    public static final String PREFIX = "whe";

    public WebhookEndpointId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookEndpointId next(Clock clock) {
        return new WebhookEndpointId(TimeOrderedIds.next(clock));
    }

    /** @throws IllegalArgumentException when the text is not an endpoint id */
    public static WebhookEndpointId parse(String text) {
        return new WebhookEndpointId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
