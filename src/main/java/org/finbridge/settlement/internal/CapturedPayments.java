package org.finbridge.settlement.internal;

import java.util.Set;
import org.finbridge.payments.PaymentEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts tracking a payment when money is first captured for it. The listener runs synchronously in the
 * transaction that records the capture, so a capture and its tracking commit together; a second capture
 * or a replayed event changes nothing. Settlement later reads the payment's running totals, so refunds,
 * fees and chargebacks need no event of their own here.
 */
@Component
class CapturedPayments {

    private static final Set<String> CAPTURES = Set.of("payment.captured", "payment.succeeded");

    private final SettlementStore store;

    CapturedPayments(SettlementStore store) {
        this.store = store;
    }

    @EventListener
    void on(PaymentEvent event) {
        if (CAPTURES.contains(event.type()) && event.amount() > 0) {
            store.track(event.paymentId().value(), event.merchantId().value(), event.currency(), event.occurredAt(),
                    event.orderReference());
        }
    }
}
