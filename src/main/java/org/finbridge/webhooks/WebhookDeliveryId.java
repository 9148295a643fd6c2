package org.finbridge.webhooks;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies the delivery of one event to one endpoint; written {@code whd_…} at the API edge. */
public record WebhookDeliveryId(UUID value) {

    public static final String PREFIX = "whd";

    public WebhookDeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookDeliveryId next(Clock clock) {
        return new WebhookDeliveryId(TimeOrderedIds.next(clock));
    }

    /** @throws IllegalArgumentException when the text is not a delivery id */
    public static WebhookDeliveryId parse(String text) {
        return new WebhookDeliveryId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
