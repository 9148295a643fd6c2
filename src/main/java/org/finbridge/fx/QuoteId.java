package org.finbridge.fx;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a quote; written {@code fxq_…} at the API edge. */
public record QuoteId(UUID value) {

    public static final String PREFIX = "fxq";

    public QuoteId {
        Objects.requireNonNull(value, "value");
    }

    public static QuoteId next(Clock clock) {
        return new QuoteId(TimeOrderedIds.next(clock));
    }

    public static QuoteId parse(String text) {
        return new QuoteId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
