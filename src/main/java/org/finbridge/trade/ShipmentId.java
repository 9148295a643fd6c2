package org.finbridge.trade;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a shipment a logistics provider reported; written {@code shp_…} at the API edge. */
public record ShipmentId(UUID value) {

    public static final String PREFIX = "shp";

    public ShipmentId {
        Objects.requireNonNull(value, "value");
    }

    public static ShipmentId next(Clock clock) {
        return new ShipmentId(TimeOrderedIds.next(clock));
    }

    /** @throws IllegalArgumentException when the text is not a {@code shp_…} id */
    public static ShipmentId parse(String text) {
        return new ShipmentId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
