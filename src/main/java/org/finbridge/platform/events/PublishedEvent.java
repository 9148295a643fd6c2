package org.finbridge.platform.events;

/**
 * A module event that also leaves the application: when event streams are on
 * ({@code finbridge.events.kafka.enabled=true}) every committed event of a type that implements this is
 * written to the module's Kafka topic as an {@link EventEnvelope}, through the event publication
 * registry (a transactional outbox: the event is stored in the transaction that caused it and sent
 * after commit until the broker acknowledges it).
 *
 * <p>Implementations are records; their components become the envelope's {@code data}.
 */
public interface PublishedEvent {

    /**
     * Identifies this event for every consumer, the same on every redelivery, so that a consumer applies
     * it once ({@link InboundEvents}). Built from the business identity of what happened, for example a
     * payment id and its step number; never random.
     */
    String eventId();

    /** What happened, for example {@code payment.captured}; stable across versions of the envelope. */
    String eventType();

    /**
     * The partition key: events with the same subject stay in order on their topic. Usually the party
     * the event belongs to (the merchant of a payment).
     */
    String subject();
}
