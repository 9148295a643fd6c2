package org.finbridge.trade;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.finbridge.party.PartyId;

/**
 * A parcel or consignment a logistics provider carries for an order. Lifecycle: it is reported before
 * pickup (AWAITING_PICKUP); events then move it through pickup, transit and customs clearance to
 * delivery, and a delivered shipment may still come back (RETURNED). The rules for the order of events
 * are {@code ShipmentLifecycle}'s in the module's internals; events are never edited or removed.
 *
 * @param waybill the carrier's tracking number, unique per carrier
 */
public record Shipment(ShipmentId id, PartyId logisticsProvider, String carrier, String waybill, OrderReference order,
                       ShipmentState state, List<LogisticsEvent> events, Instant recordedAt) {

    public Shipment {
        events = List.copyOf(events);
    }

    public Optional<LogisticsEvent> first(LogisticsEventType type) {
        return events.stream().filter(e -> e.type() == type).findFirst();
    }
}
