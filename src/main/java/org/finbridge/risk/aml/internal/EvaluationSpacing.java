package org.finbridge.risk.aml.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.finbridge.party.PartyId;

/**
 * How often the background pass may evaluate one customer: at most once per spacing. Times are this process's
 * elapsed nanoseconds ({@link System#nanoTime}), given by the caller: a throttle on work, not a business rule, so it
 * does not follow the business clock. Customers evaluated longer ago than the spacing are forgotten, so the map holds
 * only the recently evaluated.
 */
final class EvaluationSpacing {

    private final long spacingNanos;
    private final Map<PartyId, Long> last = new ConcurrentHashMap<>();

    EvaluationSpacing(long spacingNanos) {
        if (spacingNanos < 0) {
            throw new IllegalArgumentException("a spacing of zero or more, not " + spacingNanos + " ns");
        }
        this.spacingNanos = spacingNanos;
    }

    /** Forgets customers whose spacing has run out by {@code now}. */
    void forgetBefore(long now) {
        last.values().removeIf(at -> now - at >= spacingNanos);
    }

    /** True when the customer was not evaluated within the spacing before {@code now}. */
    boolean due(PartyId party, long now) {
        Long at = last.get(party);
        return at == null || now - at >= spacingNanos;
    }

    void evaluated(PartyId party, long now) {
        last.put(party, now);
    }

    int remembered() {
        return last.size();
    }
}
