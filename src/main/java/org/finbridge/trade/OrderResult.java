package org.finbridge.trade;

import java.util.List;

/** What became of a submitted order. */
public sealed interface OrderResult {

    record Recorded(Order order) implements OrderResult {
    }

    /** The same order was recorded before (a retry): nothing changed. */
    record AlreadyRecorded(Order order) implements OrderResult {
    }

    /** The marketplace used this order number before for a different order. */
    record NumberTaken(Order existing) implements OrderResult {
    }

    record Invalid(List<Violation> violations) implements OrderResult {
    }
}
