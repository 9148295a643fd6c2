package org.finbridge.party;

import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a party of any kind; written {@code pty_…} at the API edge. */
public record PartyId(UUID value) {

    public static final String PREFIX = "pty";

    public PartyId {
        Objects.requireNonNull(value, "value");
    }

    public static PartyId next(java.time.Clock clock) {
        return new PartyId(TimeOrderedIds.next(clock));
    }

    public static PartyId parse(String text) {
        return new PartyId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
