package org.finbridge.webhooks;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of one event's delivery to one endpoint.
 *
 * <pre>
 *  PENDING ──2xx──────────────────────▶ DELIVERED
 *     │ ──retry window over, or 410 ──▶ FAILED
 *     │ ──endpoint disabled ──────────▶ CANCELLED
 *  DELIVERED / FAILED / CANCELLED ──manual redelivery──▶ PENDING (one attempt)
 * </pre>
 *
 * A pending delivery that fails is retried with exponential backoff and jitter until its retry window
 * (at least 72 hours) is over, then it is FAILED.
 */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED,
    CANCELLED;

    public Set<DeliveryStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(DELIVERED, FAILED, CANCELLED);
            case DELIVERED, FAILED, CANCELLED -> EnumSet.of(PENDING);
        };
    }

    public boolean canBecome(DeliveryStatus target) {
        return next().contains(target);
    }
}
