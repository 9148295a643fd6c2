package org.finbridge.trade;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies an order received from a marketplace; written {@code ord_…} at the API edge. */
public record OrderId(UUID value) {

    public static final String PREFIX = "ord";

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId next(Clock clock) {
        return new OrderId(TimeOrderedIds.next(clock));
    }

    /** @throws IllegalArgumentException when the text is not a {@code ord_…} id */
    public static OrderId parse(String text) {
        return new OrderId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
