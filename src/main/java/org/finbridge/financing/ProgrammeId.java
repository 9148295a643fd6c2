package org.finbridge.financing;

import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a lender's lending programme; written {@code lpg_…} at the API edge. */
public record ProgrammeId(UUID value) {

    public static final String PREFIX = "lpg";

    public ProgrammeId {
        Objects.requireNonNull(value, "value");
    }

    public static ProgrammeId next(java.time.Clock clock) {
        return new ProgrammeId(TimeOrderedIds.next(clock));
    }

    public static ProgrammeId parse(String text) {
        return new ProgrammeId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
