package org.finbridge.financing;

import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a proposed restructuring of a loan; written {@code lrs_…} at the API edge. */
public record RestructuringId(UUID value) {

    public static final String PREFIX = "lrs";

    public RestructuringId {
        Objects.requireNonNull(value, "value");
    }

    public static RestructuringId next(java.time.Clock clock) {
        return new RestructuringId(TimeOrderedIds.next(clock));
    }

    public static RestructuringId parse(String text) {
        return new RestructuringId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
