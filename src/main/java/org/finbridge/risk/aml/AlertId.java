package org.finbridge.risk.aml;

import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** An alert a monitoring rule raised ({@code alr_…}). */
public record AlertId(UUID value) {

    public static final String PREFIX = "alr";

    public static AlertId parse(String text) {
        return new AlertId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
