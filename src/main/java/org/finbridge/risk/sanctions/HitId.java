package org.finbridge.risk.sanctions;

import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** A possible match waiting for, or settled by, a reviewer ({@code hit_…}). */
public record HitId(UUID value) {

    public static final String PREFIX = "hit";

    public static HitId parse(String text) {
        return new HitId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
