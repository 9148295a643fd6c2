package org.finbridge.settlement.internal;

import org.finbridge.audit.AuditLog;
import org.finbridge.trade.Order;
import org.finbridge.trade.ShipmentDelivered;
import org.finbridge.trade.TradeRecords;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Release on delivery from the trade module: a delivered shipment names its order (marketplace and order
 * number); the order names the merchant, and the merchant's payments carry the order number as their
 * order reference. The delivery is kept per merchant and order in the transaction that records the
 * shipment event, so it counts for payments captured before or after it; a redelivered event changes nothing.
 */
@Component
class DeliveredShipments {

    private final TradeRecords records;
    private final SettlementStore store;
    private final AuditLog audit;

    DeliveredShipments(TradeRecords records, SettlementStore store, AuditLog audit) {
        this.records = records;
        this.store = store;
        this.audit = audit;
    }

    @EventListener
    void on(ShipmentDelivered event) {
        Order order = records.of(event.order()).order();
        if (order == null) {
            return; // a shipment for an order the marketplace never reported: no merchant to release for
        }
        String reference = event.order().orderNumber();
        if (store.recordOrderDelivery(order.merchant().value(), reference, event.deliveredAt(), event.shipmentId().toString())) {
            audit.record("system", "settlement.delivery.confirm", "order", order.merchant() + ":" + reference, null,
                    "{\"shipment\":\"" + event.shipmentId() + "\",\"deliveredAt\":\"" + event.deliveredAt() + "\"}");
        }
    }
}
