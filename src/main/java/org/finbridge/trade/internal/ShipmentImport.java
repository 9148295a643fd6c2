package org.finbridge.trade.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.ImportReport;
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
        return new CsvLayout<>() {
            @Override
            public List<String> columns() {
                return COLUMNS;
            }

            @Override
            public String groupBy() {
                return null;
            }

            @Override
            public List<String> recordColumns() {
                return COLUMNS;
            }

            @Override
            public NewShipment decode(List<CsvRow> rows, List<String> problems) {
                CsvRow row = rows.getFirst();
                return new NewShipment(null, row.get("carrier"), row.get("waybill"), row.get("marketplace_id"),
                        row.get("order_number"));
            }
        };
    }

    @Override
    public Writer<NewShipment> open(Context context) {
        return new Writer<>() {
            private final Map<ShipmentStore.Waybill, Long> seen = new HashMap<>();
            private long accepted;

            @Override
            public List<ImportReport.Rejection> write(List<SourceRecord<NewShipment>> chunk) {
                List<ImportReport.Rejection> rejections = new ArrayList<>();
                List<Valid<Shipment>> valid = new ArrayList<>();
                for (SourceRecord<NewShipment> r : chunk) {
                    Checked<Shipment> c = ShipmentValidation.validate(r.value(), context.actor(), context.parties(),
                            ShipmentId.next(context.clock()), context.now());
                    if (!c.isValid()) {
                        rejections.add(KindImport.rejection(r.line(), c.violations()));
                        continue;
                    }
                    ShipmentStore.Waybill waybill = new ShipmentStore.Waybill(c.value().carrier(), c.value().waybill());
                    Long earlier = seen.putIfAbsent(waybill, r.line());
                    if (earlier != null) {
                        rejections.add(KindImport.rejection(r.line(), List.of("waybill: duplicate waybill " + waybill.carrier()
                                + " " + waybill.waybill() + " (first on line " + earlier + ")")));
                        continue;
                    }
                    valid.add(new Valid<>(c.value(), r.line()));
                }
                var recorded = shipments.byWaybills(valid.stream()
                        .map(v -> new ShipmentStore.Waybill(v.value().carrier(), v.value().waybill())).toList());
                List<Shipment> fresh = new ArrayList<>();
                for (Valid<Shipment> v : valid) {
                    if (recorded.containsKey(new ShipmentStore.Waybill(v.value().carrier(), v.value().waybill()))) {
                        rejections.add(KindImport.rejection(v.line(), List.of("waybill: " + v.value().carrier() + " "
                                + v.value().waybill() + " is already recorded")));
                    } else {
                        fresh.add(v.value());
                    }
                }
                shipments.insert(fresh, context.id());
                records.recheck(fresh.stream().map(Shipment::order).toList(), Map.of());
                accepted += fresh.size();
                return rejections;
            }

            @Override
            public long accepted() {
                return accepted;
            }
        };
    }
}
