package org.finbridge.trade;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a bulk import of trade documents; written {@code imp_…} at the API edge. */
public record ImportId(UUID value) {

    public static final String PREFIX = "imp";

    public ImportId {
        Objects.requireNonNull(value, "value");
    }

    public static ImportId next(Clock clock) {
        return new ImportId(TimeOrderedIds.next(clock));
    }

    /** @throws IllegalArgumentException when the text is not a {@code imp_…} id */
    public static ImportId parse(String text) {
        return new ImportId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
