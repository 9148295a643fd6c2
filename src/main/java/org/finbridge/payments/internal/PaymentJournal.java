package org.finbridge.payments.internal;

import java.time.Instant;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.payments.PaymentState;
import org.finbridge.platform.RequestIds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records a payment's state change twice, in the transaction of the change: in the audit log (who did
 * what) and as a {@link PaymentEvent} for other modules (webhooks to merchants, notably).
 */
@Component
class PaymentJournal {

    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PaymentJournal(AuditLog audit, ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
    }

    /**
     * @param actor who acted: {@code key:<prefix>}, {@code user:<email>}, or {@code system} for jobs and connectors
     * @param eventType the event's type, e.g. {@code payment.captured}
     */
    void record(String actor, String role, String eventType, PaymentRecord p, int seq, PaymentState before, long amount,
                Instant at) {
        String summary = "{\"state\":\"" + p.state + "\",\"amount\":" + amount + ",\"currency\":\"" + p.currency()
                + "\",\"captured\":" + p.amounts.captured() + ",\"refunded\":" + p.amounts.refunded() + "}";
        audit.append(new AuditEntry(actor == null || actor.isBlank() ? "system" : actor, role, eventType, "payment",
                p.id.toString(), before == null ? null : "{\"state\":\"" + before + "\"}", summary,
                RequestIds.current().orElse(null)));
        events.publishEvent(new PaymentEvent(eventType, p.id, p.merchantId, seq, p.state, amount, p.currency().code(),
                p.orderReference, at));
    }
}
