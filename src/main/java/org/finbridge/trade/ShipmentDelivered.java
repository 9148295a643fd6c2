package org.finbridge.trade;

import java.time.Instant;
import org.finbridge.party.PartyId;
import org.finbridge.platform.events.PublishedEvent;

/**
 * A logistics provider reported a shipment delivered to the buyer. Settlement policies that release
 * funds on delivery confirmation react to it. Published once per shipment (a resent DELIVERED event is
 * idempotent and publishes nothing); listeners must still be idempotent, as delivery is at-least-once.
 */
public record ShipmentDelivered(ShipmentId shipmentId, OrderReference order, PartyId logisticsProvider, String carrier,
                                String waybill, Instant deliveredAt) implements PublishedEvent {

    @Override
    public String eventId() {
        return "shipment-delivered:" + shipmentId;
    }

    @Override
    public String eventType() {
        return "shipment.delivered";
    }

    @Override
    public String subject() {
        return logisticsProvider.toString();
    }
}
