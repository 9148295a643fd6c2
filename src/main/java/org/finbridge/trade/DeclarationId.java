package org.finbridge.trade;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a customs declaration; written {@code dcl_…} at the API edge. */
public record DeclarationId(UUID value) {

    public static final String PREFIX = "dcl";

    public DeclarationId {
        Objects.requireNonNull(value, "value");
    }

    public static DeclarationId next(Clock clock) {
        return new DeclarationId(TimeOrderedIds.next(clock));
    }

    /** @throws IllegalArgumentException when the text is not a {@code dcl_…} id */
    public static DeclarationId parse(String text) {
        return new DeclarationId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
