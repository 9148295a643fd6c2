package org.finbridge.trade;

/** What a logistics provider reports about a shipment; the order rules are in the shipment's lifecycle. */
public enum LogisticsEventType {
    /** The carrier has the goods. Every other event needs it first. */
    PICKED_UP,
    IN_TRANSIT,
    /** Released by the customs of the exporting country. */
    EXPORT_CLEARED,
    /** Released by the customs of the importing country. */
    IMPORT_CLEARED,
    /** Handed to the buyer: ends the shipment, except for a later return. */
    DELIVERED,
    /** Back with the merchant: ends the shipment. */
    RETURNED
}
