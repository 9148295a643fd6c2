package org.finbridge.trade;

import java.time.Instant;

/**
 * One event in a shipment's history.
 *
 * @param occurredAt when it happened, as the carrier says; {@code recordedAt} is when the platform heard
 */
public record LogisticsEvent(LogisticsEventType type, Instant occurredAt, Place place, Instant recordedAt) {

    /** Same event, as far as idempotency is concerned: a carrier resending it changes nothing. */
    public boolean sameAs(LogisticsEventType otherType, Instant otherOccurredAt) {
        return type == otherType && occurredAt.equals(otherOccurredAt);
    }
}
