package org.finbridge.trade.internal;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.finbridge.trade.LogisticsEvent;
import org.finbridge.trade.LogisticsEventType;
import org.finbridge.trade.ShipmentState;

/**
 * The order in which a shipment's events may arrive, in one place. Rules:
 * <ol>
 *   <li>the same event again (same type, same time) is a duplicate and changes nothing; the same type at
 *       the same time in another place is a contradiction and refused;</li>
 *   <li>nothing happens to goods before the carrier has them: every event needs PICKED_UP first
 *       (in particular no DELIVERED before PICKED_UP), and a shipment is picked up once;</li>
 *   <li>a delivered shipment can only come back (RETURNED); a returned one has ended.</li>
 * </ol>
 * Transit and clearance scans may arrive late and out of time order: they are recorded, and the state is
 * that of the latest event by time, except that delivery and return stick. Times that contradict each
 * other (delivered before picked up) are not refused here but flagged on the trade record, since carriers'
 * clocks disagree and the evidence should be kept.
 */
final class ShipmentLifecycle {

    sealed interface Decision {
    }

    record Accept(ShipmentState next) implements Decision {
    }

    record Duplicate() implements Decision {
    }

    record Refuse(String rule, String reason) implements Decision {
    }

    private ShipmentLifecycle() {
    }

    static Decision decide(ShipmentState state, List<LogisticsEvent> history, LogisticsEvent event) {
        for (LogisticsEvent e : history) {
            if (e.sameAs(event.type(), event.occurredAt())) {
                return e.place().equals(event.place()) ? new Duplicate()
                        : new Refuse("SAME_TIME_OTHER_PLACE", event.type() + " at " + event.occurredAt()
                        + " is already recorded in another place");
            }
        }
        boolean pickedUp = history.stream().anyMatch(e -> e.type() == LogisticsEventType.PICKED_UP);
        if (event.type() == LogisticsEventType.PICKED_UP && pickedUp) {
            return new Refuse("ALREADY_PICKED_UP", "the shipment was picked up already");
        }
        if (event.type() != LogisticsEventType.PICKED_UP && !pickedUp) {
            return new Refuse("NOT_PICKED_UP", "no " + event.type() + " before PICKED_UP");
        }
        if (state == ShipmentState.RETURNED) {
            return new Refuse("SHIPMENT_ENDED", "the shipment was returned; nothing follows a return");
        }
        if (state == ShipmentState.DELIVERED && event.type() != LogisticsEventType.RETURNED) {
            return new Refuse("SHIPMENT_ENDED", "the shipment was delivered; only RETURNED may follow");
        }
        return new Accept(stateAfter(history, event));
    }

    private static ShipmentState stateAfter(List<LogisticsEvent> history, LogisticsEvent event) {
        if (event.type() == LogisticsEventType.RETURNED || event.type() == LogisticsEventType.DELIVERED) {
            return ShipmentState.after(event.type());
        }
        LogisticsEvent latest = Stream.concat(history.stream(), Stream.of(event))
                .max(Comparator.comparing(LogisticsEvent::occurredAt)).orElse(event);
        return ShipmentState.after(latest.type());
    }
}
