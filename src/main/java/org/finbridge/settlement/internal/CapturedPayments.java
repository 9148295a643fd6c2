package org.finbridge.settlement.internal;

import java.util.Set;
import java.util.UUID;
import org.finbridge.payments.PaymentEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts tracking a payment when money is first captured for it, and marks it when its amounts change later
 * (a second capture, a refund, a dispute and its outcome, a void or expiry of what was left authorized). The
 * listener runs synchronously in the transaction that records the step, so a capture and its tracking, or a
 * refund and its mark, commit together: a payment that is not marked still holds what it held when tracked, and
 * a settlement run computes what it moves from that snapshot without reading the payment (V201). A replayed
 * capture marks the payment too; that only makes runs read its running totals.
 */
@Component
class CapturedPayments {

    private static final Set<String> CAPTURES = Set.of("payment.captured", "payment.succeeded");
    /** Steps that come before any capture and move no captured money: nothing to mark. */
    private static final Set<String> BEFORE_CAPTURE = Set.of("payment.created", "payment.requires_action",
            "payment.processing", "payment.authorized", "payment.failed", "payment.canceled");

    private final SettlementStore store;

    CapturedPayments(SettlementStore store) {
        this.store = store;
    }

    @EventListener
    void on(PaymentEvent event) {
        UUID payment = event.paymentId().value();
        if (CAPTURES.contains(event.type()) && event.amount() > 0) {
            if (!store.track(payment, event.merchantId().value(), event.currency(), event.occurredAt(),
                    event.orderReference())) {
                store.markChanged(payment);
            }
        } else if (!BEFORE_CAPTURE.contains(event.type())) {
            store.markChanged(payment);
        }
    }
}
