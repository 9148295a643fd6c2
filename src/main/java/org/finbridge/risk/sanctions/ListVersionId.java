package org.finbridge.risk.sanctions;

import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** One imported version of a sanctions list ({@code slv_…}). */
public record ListVersionId(UUID value) {

    public static final String PREFIX = "slv";

    public static ListVersionId parse(String text) {
        return new ListVersionId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
