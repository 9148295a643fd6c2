package org.finbridge.trade;

/** Where a shipment is in its lifecycle: before any event, or the type of its latest accepted event. */
public enum ShipmentState {
    AWAITING_PICKUP,
    PICKED_UP,
    IN_TRANSIT,
    EXPORT_CLEARED,
    IMPORT_CLEARED,
    DELIVERED,
    RETURNED;

    public static ShipmentState after(LogisticsEventType event) {
        return valueOf(event.name());
    }

    public boolean isFinal() {
        return this == RETURNED;
    }
}
