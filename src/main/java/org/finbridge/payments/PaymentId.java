package org.finbridge.payments;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a payment; written {@code pay_…} at the API edge. */
public record PaymentId(UUID value) {

    public static final String PREFIX = "pay";

    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentId next(Clock clock) {
        return new PaymentId(TimeOrderedIds.next(clock));
    }

    public static PaymentId parse(String text) {
        return new PaymentId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
