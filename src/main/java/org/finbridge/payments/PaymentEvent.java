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
 * @param context who paid and through what, so that listeners (AML, supervision) need not read the payment
 *                back in the transaction that publishes the event; null on events from before it was carried
 */
public record PaymentEvent(String type, PaymentId paymentId, PartyId merchantId, int seq, PaymentState state,
                           long amount, String currency, String orderReference, Instant occurredAt, Context context)
        implements PublishedEvent {

    /**
     * @param buyerId the buyer's party, where the buyer is one (null for an anonymous card holder)
     * @param buyerCountry ISO 3166-1 alpha-2, where known
     * @param connector the acquirer or institution that processed it, once routed
     */
    public record Context(PartyId buyerId, String buyerCountry, MethodType method, String connector) {
    }

    /** An event without its context: listeners look the payment up. */
    public PaymentEvent(String type, PaymentId paymentId, PartyId merchantId, int seq, PaymentState state,
                        long amount, String currency, String orderReference, Instant occurredAt) {
        this(type, paymentId, merchantId, seq, state, amount, currency, orderReference, occurredAt, null);
    }

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
