package org.finbridge.settlement;

import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a payout; written {@code po_…} at the API edge. */
public record PayoutId(UUID value) {

    public static final String PREFIX = "po";

    public PayoutId {
        Objects.requireNonNull(value, "value");
    }

    public static PayoutId parse(String text) {
        return new PayoutId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
