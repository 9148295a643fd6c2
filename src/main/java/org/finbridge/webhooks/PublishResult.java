package org.finbridge.webhooks;

/** What {@link Webhooks#publish} did with an event. */
public sealed interface PublishResult {

    /** Recorded; {@code deliveries} endpoints subscribed to its type will receive it (possibly none). */
    record Published(String eventId, int deliveries) implements PublishResult {
    }

    /** The same event (same id, type and data) was published before: nothing was written again. */
    record AlreadyPublished(String eventId) implements PublishResult {
    }

    /**
     * The id was used before for another type or other data: nothing was written. A publisher that
     * sees this derives its event ids wrongly.
     */
    record EventIdReused(String eventId) implements PublishResult {
    }
}
