package org.finbridge.trade.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.LogisticsEvent;
import org.finbridge.trade.LogisticsEventType;
import org.finbridge.trade.NewLogisticsEvent;
import org.finbridge.trade.NewShipment;
import org.finbridge.trade.OrderReference;
import org.finbridge.trade.Place;
import org.finbridge.trade.Shipment;
import org.finbridge.trade.ShipmentId;
import org.finbridge.trade.ShipmentState;

/** Turns reported shipments and logistics events into domain values, or into every reason they are not. */
final class ShipmentValidation {

    private ShipmentValidation() {
    }

    static Checked<Shipment> validate(NewShipment n, Actor actor, PartyDirectory.Lookup parties, ShipmentId id, Instant now) {
        Fields f = new Fields(now);
        PartyId provider = Submitters.inRole(actor, PartyKind.LOGISTICS_PROVIDER, "logisticsProviderId",
                n.logisticsProviderId(), f, parties);
        String carrier = carrier(n.carrier(), f);
        String waybill = f.reference("waybill", n.waybill(), 4, 40);
        OrderReference order = orderReference(n.marketplaceId(), n.orderNumber(), f, parties);
        if (!f.ok()) {
            return Checked.invalid(f.violations());
        }
        return Checked.valid(new Shipment(id, provider, carrier, waybill, order, ShipmentState.AWAITING_PICKUP, List.of(), now));
    }

    /** Carriers are named by their code (SF, DHL, CAINIAO…), compared in upper case. */
    static String carrier(String text, Fields f) {
        String carrier = f.reference("carrier", text, 2, 40);
        return carrier == null ? null : carrier.toUpperCase(Locale.ROOT);
    }

    static OrderReference orderReference(String marketplaceId, String orderNumber, Fields f, PartyDirectory.Lookup parties) {
        PartyId marketplace = f.party("marketplaceId", marketplaceId);
        if (marketplace != null && !parties.is(marketplace, PartyKind.MARKETPLACE)) {
            f.add("marketplaceId", "is not a marketplace on the platform");
            marketplace = null;
        }
        String number = f.reference("orderNumber", orderNumber, 1, 64);
        return marketplace == null || number == null ? null : new OrderReference(marketplace, number);
    }

    /** The event's own fields; whether it may happen now is {@link ShipmentLifecycle}'s question. */
    static Checked<LogisticsEvent> event(NewLogisticsEvent n, Instant now) {
        Fields f = new Fields(now);
        LogisticsEventType type = f.oneOf("type", n.type(), LogisticsEventType.class);
        Instant at = f.pastInstant("occurredAt", n.occurredAt());
        String country = f.country("country", n.country());
        String place = f.text("place", n.place(), 200);
        if (!f.ok()) {
            return Checked.invalid(f.violations());
        }
        return Checked.valid(new LogisticsEvent(type, at, new Place(country, place), now));
    }
}
