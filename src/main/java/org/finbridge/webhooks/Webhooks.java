package org.finbridge.webhooks;

import org.finbridge.party.PartyId;

/**
 * Publishes business events to the webhook endpoints of the party they concern.
 *
 * <p>Call it inside the transaction that makes the change the event reports (the payment's capture,
 * say): the event and its deliveries are written in that transaction, so they commit or roll back with
 * the change (transactional outbox; without a surrounding transaction the call commits on its own).
 * Nothing is sent before the commit: a dispatcher picks the deliveries up afterwards.
 *
 * <p>The publisher chooses {@code eventId} and derives it from its own ids (for example
 * {@code pay_0190…:captured:1}), so a retried or re-run publication is recognised: the same id with
 * the same type and data answers {@link PublishResult.AlreadyPublished} and sends nothing twice.
 */
public interface Webhooks {

    /**
     * @param recipient the party whose endpoints receive the event
     * @param eventType a type declared by some module's {@link WebhookEventTypes} bean, e.g. {@code payment.captured}
     * @param eventId the publisher's idempotency key for this event: 1 to 100 characters of
     *                {@code [A-Za-z0-9_.:-]}, unique per recipient
     * @param data what the event carries, anything Jackson writes as a JSON object (a record, a map, an
     *             {@code ObjectNode}); it becomes the {@code data} member of the delivered body
     * @throws IllegalArgumentException for an undeclared event type, a malformed event id, data that is
     *         not a JSON object or a body above 64 KiB: these are programming errors of the publisher
     */
    PublishResult publish(PartyId recipient, String eventType, String eventId, Object data);
}
