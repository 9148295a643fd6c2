package org.finbridge.trade;

import java.util.List;

/** What became of a reported logistics event. */
public sealed interface EventResult {

    record Recorded(Shipment shipment) implements EventResult {
    }

    /** The event (same type, same time) was recorded before: a carrier resending it changes nothing. */
    record AlreadyRecorded(Shipment shipment) implements EventResult {
    }

    /**
     * Refused by the lifecycle: the rule broken ({@code NOT_PICKED_UP}, {@code ALREADY_PICKED_UP},
     * {@code SHIPMENT_ENDED}, {@code SAME_TIME_OTHER_PLACE}) and why.
     */
    record OutOfOrder(String rule, String reason) implements EventResult {
    }

    record NotFound(String what) implements EventResult {
    }

    record Invalid(List<Violation> violations) implements EventResult {
    }
}
