package org.finbridge.trade;

import java.util.List;

/** What became of a pushed payment reference. */
public sealed interface PaymentResult {

    record Recorded(TradeRecord record) implements PaymentResult {
    }

    /** The same payment was pushed before: nothing changed. */
    record AlreadyRecorded(TradeRecord record) implements PaymentResult {
    }

    /** Another payment is already recorded for the order: a payment is pushed once. */
    record AnotherPaymentRecorded(PaidAmount existing) implements PaymentResult {
    }

    record NotFound(String what) implements PaymentResult {
    }

    record Invalid(List<Violation> violations) implements PaymentResult {
    }
}
