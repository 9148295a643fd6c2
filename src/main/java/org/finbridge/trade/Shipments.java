package org.finbridge.trade;

import java.util.Optional;
import org.finbridge.party.Actor;

/** Shipments and their logistics events, reported by logistics providers. */
public interface Shipments {

    ShipmentResult submit(NewShipment shipment, Actor actor);

    /** Adds an event to a shipment of the actor's; the carrier and waybill of the event are not needed. */
    EventResult addEvent(ShipmentId shipment, NewLogisticsEvent event, Actor actor);

    Optional<Shipment> find(ShipmentId id);
}
