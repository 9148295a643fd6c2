package org.finbridge.payments.internal;

import java.time.Instant;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.payments.PaymentState;
import org.finbridge.platform.RequestIds;
import org.finbridge.webhooks.Webhooks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records a payment's state change three times, in the transaction of the change: in the audit log (who
 * did what), as a {@link PaymentEvent} for other modules, and as a webhook event to the merchant
 * (transactional outbox: delivered after the commit, at least once, with the event id
 * {@code <paymentId>:<step>} so a re-run publishes nothing twice).
 */
@Component
class PaymentJournal {

    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Webhooks webhooks;

    PaymentJournal(AuditLog audit, ApplicationEventPublisher events, Webhooks webhooks) {
        this.audit = audit;
        this.events = events;
        this.webhooks = webhooks;
    }

    /**
     * @param actor who acted: {@code key:<prefix>}, {@code user:<email>}, or {@code system} for jobs and connectors
     * @param eventType the event's type, e.g. {@code payment.captured}
     */
    void record(String actor, String role, String eventType, PaymentRecord p, int seq, PaymentState before, long amount,
                Instant at) {
        String summary = "{\"state\":\"" + p.state + "\",\"amount\":" + amount + ",\"currency\":\"" + p.currency()
                + "\",\"captured\":" + p.amounts.captured() + ",\"refunded\":" + p.amounts.refunded() + "}";
        PaymentEvent event = new PaymentEvent(eventType, p.id, p.merchantId, seq, p.state, amount, p.currency().code(),
                p.orderReference, at, new PaymentEvent.Context(p.buyer == null ? null : p.buyer.partyId(),
                        p.buyer == null ? null : p.buyer.country(), p.method == null ? null : p.method.type(), p.connector));
        events.publishEvent(event);
        var data = new java.util.LinkedHashMap<String, Object>();
        data.put("paymentId", p.id.toString());
        data.put("orderReference", p.orderReference);
        data.put("state", p.state.name());
        data.put("amount", amount);
        data.put("currency", p.currency().code());
        data.put("captured", p.amounts.captured());
        data.put("refunded", p.amounts.refunded());
        webhooks.publish(p.merchantId, eventType, p.id + ":" + seq, data);
        // staged in this transaction (no shared lock): the audit sequencer chains it after the commit
        audit.append(new AuditEntry(actor == null || actor.isBlank() ? "system" : actor, role, eventType, "payment",
                p.id.toString(), before == null ? null : "{\"state\":\"" + before + "\"}", summary,
                RequestIds.current().orElse(null)));
    }
}
