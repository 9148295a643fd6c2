package org.finbridge.trade.internal;

import java.util.List;
import java.util.Set;
import java.util.Map;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.NewShipment;
import org.finbridge.trade.Shipment;
import org.finbridge.trade.ShipmentId;
import org.springframework.stereotype.Component;

/** Shipments in bulk, one per row. A waybill already used by the carrier, in the file or recorded, rejects the row. */
@Component
class ShipmentImport implements KindImport<NewShipment> {

    static final List<String> COLUMNS = List.of("carrier", "waybill", "marketplace_id", "order_number");

    private final ShipmentStore shipments;
    private final TradeRecordService records;

    ShipmentImport(ShipmentStore shipments, TradeRecordService records) {
        this.shipments = shipments;
        this.records = records;
    }

    @Override
    public ImportRequest.Kind kind() {
        return ImportRequest.Kind.SHIPMENTS;
    }

    @Override
    public boolean mayImport(Actor actor) {
        return actor.isOperator() || actor.partyKind() == PartyKind.LOGISTICS_PROVIDER;
    }

    @Override
    public Class<NewShipment> jsonType() {
        return NewShipment.class;
    }

    @Override
    public NewShipment onBehalfOf(NewShipment s, PartyId party) {
        return s.logisticsProviderId() != null ? s
                : new NewShipment(party.toString(), s.carrier(), s.waybill(), s.marketplaceId(), s.orderNumber());
    }

    @Override
    public CsvLayout<NewShipment> csv() {
        return CsvLayout.perRow(COLUMNS, (row, problems) -> new NewShipment(null, row.get("carrier"), row.get("waybill"),
                row.get("marketplace_id"), row.get("order_number")));
    }

    @Override
    public Writer<NewShipment> open(Context context) {
        return new UniqueDocumentWriter<NewShipment, Shipment, ShipmentStore.Waybill>() {
            @Override
            Checked<Shipment> validate(NewShipment record) {
                return ShipmentValidation.validate(record, context.actor(), context.parties(),
                        ShipmentId.next(context.clock()), context.now());
            }

            @Override
            ShipmentStore.Waybill key(Shipment shipment) {
                return new ShipmentStore.Waybill(shipment.carrier(), shipment.waybill());
            }

            @Override
            Set<ShipmentStore.Waybill> recorded(List<ShipmentStore.Waybill> waybills) {
                return shipments.byWaybills(waybills).keySet();
            }

            @Override
            void insert(List<Shipment> fresh) {
                shipments.insert(fresh, context.id());
                records.recheck(fresh.stream().map(Shipment::order).toList(), Map.of());
            }

            @Override
            String duplicateInFile(ShipmentStore.Waybill waybill, long firstLine) {
                return "waybill: duplicate waybill " + waybill.carrier() + " " + waybill.waybill()
                        + " (first on line " + firstLine + ")";
            }

            @Override
            String alreadyRecorded(ShipmentStore.Waybill waybill) {
                return "waybill: " + waybill.carrier() + " " + waybill.waybill() + " is already recorded";
            }
        };
    }
}
