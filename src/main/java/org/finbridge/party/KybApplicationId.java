package org.finbridge.party;

import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a merchant's know-your-business application; written {@code kyb_…}. */
public record KybApplicationId(UUID value) {

    public static final String PREFIX = "kyb";

    public KybApplicationId {
        Objects.requireNonNull(value, "value");
    }

    public static KybApplicationId parse(String text) {
        return new KybApplicationId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
