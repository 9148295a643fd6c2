package org.finbridge.trade;

import java.util.List;

/** What became of a reported shipment. */
public sealed interface ShipmentResult {

    record Recorded(Shipment shipment) implements ShipmentResult {
    }

    /** The same shipment was reported before: nothing changed. */
    record AlreadyRecorded(Shipment shipment) implements ShipmentResult {
    }

    /** The carrier's waybill is already recorded for another order or provider. */
    record WaybillTaken(Shipment existing) implements ShipmentResult {
    }

    record Invalid(List<Violation> violations) implements ShipmentResult {
    }
}
