package org.finbridge.trade.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.finbridge.trade.LogisticsEvent;
import org.finbridge.trade.LogisticsEventType;
import org.finbridge.trade.Place;
import org.finbridge.trade.ShipmentState;
import org.junit.jupiter.api.Test;

class ShipmentLifecycleTest {

    static final Instant T = Instant.parse("2026-03-01T08:00:00Z");
    static final Place SHENZHEN = new Place("CN", "Shenzhen");
    static final Place BERLIN = new Place("DE", "Berlin");

    static LogisticsEvent event(LogisticsEventType type, long hours, Place place) {
        return new LogisticsEvent(type, T.plusSeconds(hours * 3600), place, T);
    }

    @Test
    void aShipmentIsPickedUpFirst() {
        var decision = ShipmentLifecycle.decide(ShipmentState.AWAITING_PICKUP, List.of(),
                event(LogisticsEventType.PICKED_UP, 0, SHENZHEN));
        assertThat(decision).isEqualTo(new ShipmentLifecycle.Accept(ShipmentState.PICKED_UP));
    }

    @Test
    void noDeliveryBeforePickup() {
        var decision = ShipmentLifecycle.decide(ShipmentState.AWAITING_PICKUP, List.of(),
                event(LogisticsEventType.DELIVERED, 5, BERLIN));
        assertThat(decision).isInstanceOfSatisfying(ShipmentLifecycle.Refuse.class,
                r -> assertThat(r.rule()).isEqualTo("NOT_PICKED_UP"));
    }

    @Test
    void noTransitOrClearanceBeforePickupEither() {
        for (LogisticsEventType type : List.of(LogisticsEventType.IN_TRANSIT, LogisticsEventType.EXPORT_CLEARED,
                LogisticsEventType.IMPORT_CLEARED, LogisticsEventType.RETURNED)) {
            assertThat(ShipmentLifecycle.decide(ShipmentState.AWAITING_PICKUP, List.of(), event(type, 1, SHENZHEN)))
                    .isInstanceOf(ShipmentLifecycle.Refuse.class);
        }
    }

    @Test
    void theSameEventAgainIsADuplicateAndTheSameTimeElsewhereIsAContradiction() {
        List<LogisticsEvent> history = List.of(event(LogisticsEventType.PICKED_UP, 0, SHENZHEN));
        assertThat(ShipmentLifecycle.decide(ShipmentState.PICKED_UP, history, event(LogisticsEventType.PICKED_UP, 0, SHENZHEN)))
                .isInstanceOf(ShipmentLifecycle.Duplicate.class);
        assertThat(ShipmentLifecycle.decide(ShipmentState.PICKED_UP, history, event(LogisticsEventType.PICKED_UP, 0, BERLIN)))
                .isInstanceOfSatisfying(ShipmentLifecycle.Refuse.class, r -> assertThat(r.rule()).isEqualTo("SAME_TIME_OTHER_PLACE"));
        assertThat(ShipmentLifecycle.decide(ShipmentState.PICKED_UP, history, event(LogisticsEventType.PICKED_UP, 2, SHENZHEN)))
                .isInstanceOfSatisfying(ShipmentLifecycle.Refuse.class, r -> assertThat(r.rule()).isEqualTo("ALREADY_PICKED_UP"));
    }

    @Test
    void aLateTransitScanIsKeptButTheStateFollowsTheLatestEvent() {
        List<LogisticsEvent> history = List.of(event(LogisticsEventType.PICKED_UP, 0, SHENZHEN),
                event(LogisticsEventType.EXPORT_CLEARED, 10, SHENZHEN));
        assertThat(ShipmentLifecycle.decide(ShipmentState.EXPORT_CLEARED, history, event(LogisticsEventType.IN_TRANSIT, 5, SHENZHEN)))
                .isEqualTo(new ShipmentLifecycle.Accept(ShipmentState.EXPORT_CLEARED));
    }

    @Test
    void afterDeliveryOnlyAReturnAndAfterAReturnNothing() {
        List<LogisticsEvent> delivered = List.of(event(LogisticsEventType.PICKED_UP, 0, SHENZHEN),
                event(LogisticsEventType.DELIVERED, 48, BERLIN));
        assertThat(ShipmentLifecycle.decide(ShipmentState.DELIVERED, delivered, event(LogisticsEventType.IN_TRANSIT, 50, BERLIN)))
                .isInstanceOfSatisfying(ShipmentLifecycle.Refuse.class, r -> assertThat(r.rule()).isEqualTo("SHIPMENT_ENDED"));
        assertThat(ShipmentLifecycle.decide(ShipmentState.DELIVERED, delivered, event(LogisticsEventType.RETURNED, 100, SHENZHEN)))
                .isEqualTo(new ShipmentLifecycle.Accept(ShipmentState.RETURNED));
        List<LogisticsEvent> returned = List.of(delivered.get(0), delivered.get(1), event(LogisticsEventType.RETURNED, 100, SHENZHEN));
        assertThat(ShipmentLifecycle.decide(ShipmentState.RETURNED, returned, event(LogisticsEventType.DELIVERED, 120, BERLIN)))
                .isInstanceOf(ShipmentLifecycle.Refuse.class);
    }
}
