package org.finbridge.trade.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.ImportReport;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.LogisticsEvent;
import org.finbridge.trade.LogisticsEventType;
import org.finbridge.trade.NewLogisticsEvent;
import org.finbridge.trade.Shipment;
import org.finbridge.trade.ShipmentId;
import org.finbridge.trade.ShipmentState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Logistics events in bulk, one per row, each naming its shipment by carrier and waybill. Events apply in
 * file order under the same lifecycle rules as one at a time; a duplicate of a recorded event is accepted
 * and changes nothing (as over the API), an event the lifecycle refuses rejects the row.
 */
@Component
class EventImport implements KindImport<NewLogisticsEvent> {

    static final List<String> COLUMNS = List.of("carrier", "waybill", "type", "occurred_at", "country", "place");

    private final ShipmentStore shipments;
    private final TradeRecordService records;
    private final ApplicationEventPublisher events;

    EventImport(ShipmentStore shipments, TradeRecordService records, ApplicationEventPublisher events) {
        this.shipments = shipments;
        this.records = records;
        this.events = events;
    }

    @Override
    public ImportRequest.Kind kind() {
        return ImportRequest.Kind.SHIPMENT_EVENTS;
    }

    @Override
    public boolean mayImport(Actor actor) {
        return actor.isOperator() || actor.partyKind() == PartyKind.LOGISTICS_PROVIDER;
    }

    @Override
    public Class<NewLogisticsEvent> jsonType() {
        return NewLogisticsEvent.class;
    }

    @Override
    public NewLogisticsEvent onBehalfOf(NewLogisticsEvent e, PartyId party) {
        return e;
    }

    @Override
    public CsvLayout<NewLogisticsEvent> csv() {
        return CsvLayout.perRow(COLUMNS, (row, problems) -> new NewLogisticsEvent(row.get("carrier"), row.get("waybill"),
                row.get("type"), row.get("occurred_at"), row.get("country"), row.get("place")));
    }

    @Override
    public Writer<NewLogisticsEvent> open(Context context) {
        return new Writer<>() {
            private long accepted;

            @Override
            public List<ImportReport.Rejection> write(List<SourceRecord<NewLogisticsEvent>> chunk) {
                Map<ShipmentStore.Waybill, Shipment> current = new HashMap<>(shipments.byWaybills(chunk.stream()
                        .map(r -> waybill(r.value())).filter(w -> w != null).distinct().toList(), true));
                List<ImportReport.Rejection> rejections = new ArrayList<>();
                List<ShipmentStore.NewEvent> added = new ArrayList<>();
                Map<ShipmentId, ShipmentState> states = new LinkedHashMap<>();
                Map<ShipmentId, Shipment> touched = new LinkedHashMap<>();
                for (SourceRecord<NewLogisticsEvent> r : chunk) {
                    ShipmentStore.Waybill waybill = waybill(r.value());
                    Checked<LogisticsEvent> c = ShipmentValidation.event(r.value(), context.now());
                    List<Object> reasons = new ArrayList<>(c.violations());
                    if (waybill == null) {
                        reasons.addFirst("carrier and waybill name the shipment and are required");
                    }
                    Shipment shipment = waybill == null ? null : current.get(waybill);
                    if (waybill != null && (shipment == null || !context.actor().mayAccess(shipment.logisticsProvider()))) {
                        reasons.addFirst("no shipment " + waybill.carrier() + " " + waybill.waybill() + " of yours is recorded");
                    }
                    if (!reasons.isEmpty()) {
                        rejections.add(KindImport.rejection(r.line(), reasons));
                        continue;
                    }
                    LogisticsEvent event = c.value();
                    switch (ShipmentLifecycle.decide(shipment.state(), shipment.events(), event)) {
                        case ShipmentLifecycle.Duplicate d -> accepted++;
                        case ShipmentLifecycle.Refuse refused -> rejections.add(KindImport.rejection(r.line(),
                                List.of(refused.rule() + ": " + refused.reason())));
                        case ShipmentLifecycle.Accept a -> {
                            List<LogisticsEvent> history = new ArrayList<>(shipment.events());
                            history.add(event);
                            Shipment after = new Shipment(shipment.id(), shipment.logisticsProvider(), shipment.carrier(),
                                    shipment.waybill(), shipment.order(), a.next(), history, shipment.recordedAt());
                            current.put(waybill, after);
                            touched.put(after.id(), after);
                            added.add(new ShipmentStore.NewEvent(after.id(), event));
                            states.put(after.id(), a.next());
                            if (event.type() == LogisticsEventType.DELIVERED) {
                                events.publishEvent(ShipmentService.delivered(after, event));
                            }
                            accepted++;
                        }
                    }
                }
                shipments.addEvents(added, context.id());
                shipments.updateStates(states);
                records.recheck(touched.values().stream().map(Shipment::order).toList(), Map.of());
                return rejections;
            }

            @Override
            public long accepted() {
                return accepted;
            }
        };
    }

    private static ShipmentStore.Waybill waybill(NewLogisticsEvent e) {
        if (e.carrier() == null || e.carrier().isBlank() || e.waybill() == null || e.waybill().isBlank()) {
            return null;
        }
        return new ShipmentStore.Waybill(e.carrier().strip().toUpperCase(Locale.ROOT), e.waybill().strip());
    }
}
