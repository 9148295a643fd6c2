package org.finbridge.settlement;

import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a settlement run; written {@code stl_…} at the API edge. */
public record SettlementRunId(UUID value) {

    public static final String PREFIX = "stl";

    public SettlementRunId {
        Objects.requireNonNull(value, "value");
    }

    public static SettlementRunId parse(String text) {
        return new SettlementRunId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
