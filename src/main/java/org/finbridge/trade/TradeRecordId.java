package org.finbridge.trade;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/**
 * Identifies the trade record of one order reference; written {@code trd_…} at the API edge. The id is
 * derived from the reference itself (a name-based UUID), so every document naming the same order
 * belongs to the same record without a lookup table, whichever document arrives first.
 */
public record TradeRecordId(UUID value) {

    public static final String PREFIX = "trd";

    public TradeRecordId {
        Objects.requireNonNull(value, "value");
    }

    public static TradeRecordId of(OrderReference reference) {
        String name = "trade-record:" + reference.marketplace() + ":" + reference.orderNumber();
        return new TradeRecordId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** @throws IllegalArgumentException when the text is not a {@code trd_…} id */
    public static TradeRecordId parse(String text) {
        return new TradeRecordId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
