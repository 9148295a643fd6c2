package org.finbridge.payments;

import java.time.Instant;
import org.finbridge.party.PartyId;
import org.finbridge.platform.events.PublishedEvent;

/**
 * What happened to a payment, published in the transaction that records it (at-least-once delivery
 * through the event publication registry, so listeners must be idempotent: the pair
 * ({@link #paymentId()}, {@link #seq()}) identifies one event). Webhooks to merchants are built from these.
 *
 * @param seq the payment's step number that caused the event
 * @param type payment.authorized, payment.captured, payment.refunded, payment.voided, payment.expired,
 *             payment.failed, payment.canceled, payment.requires_action, payment.processing,
 *             payment.succeeded, dispute.opened, dispute.evidence_submitted, dispute.won, dispute.lost
 * @param amount the step's amount in minor units of {@code currency} (0 where none)
 */
public record PaymentEvent(String type, PaymentId paymentId, PartyId merchantId, int seq, PaymentState state,
                           long amount, String currency, String orderReference, Instant occurredAt)
        implements PublishedEvent {

    @Override
    public String eventId() {
        return "payment:" + paymentId + ":" + seq;
    }

    @Override
    public String eventType() {
        return type;
    }

    /** A merchant's payment events stay in order on the topic. */
    @Override
    public String subject() {
        return merchantId.toString();
    }
}
