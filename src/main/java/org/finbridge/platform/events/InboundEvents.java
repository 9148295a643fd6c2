package org.finbridge.platform.events;

/**
 * Applies a consumed event's effect exactly once: the event's id is recorded in the same database
 * transaction as the effect, so a redelivered event (Kafka delivers at least once; a consumer may crash
 * after its effect commits and before it commits its offset) finds its id and changes nothing.
 */
public interface InboundEvents {

    /**
     * Runs {@code effect} in a transaction that also records ({@code consumer}, {@code eventId}), unless
     * that pair is already recorded.
     *
     * @param consumer names the read model or reaction, so that two consumers of one event each apply it
     * @return true when the effect ran now, false when the event had already been applied
     */
    boolean applyOnce(String consumer, String eventId, Runnable effect);
}
