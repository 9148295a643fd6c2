package org.finbridge.trade.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.EventResult;
import org.finbridge.trade.LogisticsEvent;
import org.finbridge.trade.LogisticsEventType;
import org.finbridge.trade.NewLogisticsEvent;
import org.finbridge.trade.NewShipment;
import org.finbridge.trade.Shipment;
import org.finbridge.trade.ShipmentDelivered;
import org.finbridge.trade.ShipmentId;
import org.finbridge.trade.ShipmentResult;
import org.finbridge.trade.Shipments;
import org.finbridge.trade.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Shipments and logistics events reported one at a time. */
@Service
class ShipmentService implements Shipments {

    private final ShipmentStore shipments;
    private final PartyDirectory parties;
    private final TradeRecordService records;
    private final TradeAudit audit;
    private final Transactions transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShipmentService(ShipmentStore shipments, PartyDirectory parties, TradeRecordService records, TradeAudit audit,
                    Transactions transactions, ApplicationEventPublisher events, Clock clock) {
        this.shipments = shipments;
        this.parties = parties;
        this.records = records;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ShipmentResult submit(NewShipment submitted, Actor actor) {
        if (!actor.isOperator() && actor.partyKind() != PartyKind.LOGISTICS_PROVIDER) {
            return new ShipmentResult.Invalid(List.of(new Violation("logisticsProviderId", "only logistics providers report shipments")));
        }
        return transactions.submit(() -> {
            Checked<Shipment> checked = ShipmentValidation.validate(submitted, actor, parties.lookup(), ShipmentId.next(clock), now());
            if (!checked.isValid()) {
                return new ShipmentResult.Invalid(checked.violations());
            }
            Shipment shipment = checked.value();
            Optional<Shipment> existing = shipments.find(new ShipmentStore.Waybill(shipment.carrier(), shipment.waybill()));
            if (existing.isPresent()) {
                boolean same = existing.get().logisticsProvider().equals(shipment.logisticsProvider())
                        && existing.get().order().equals(shipment.order());
                return same ? new ShipmentResult.AlreadyRecorded(existing.get()) : new ShipmentResult.WaybillTaken(existing.get());
            }
            shipments.insert(List.of(shipment), null);
            records.recheck(List.of(shipment.order()), Map.of());
            audit.record(actor, "trade.shipment.submit", "trade_shipment", shipment.id().toString(), Summaries.of(shipment));
            return new ShipmentResult.Recorded(shipment);
        });
    }

    @Override
    public EventResult addEvent(ShipmentId id, NewLogisticsEvent submitted, Actor actor) {
        return transactions.submit(() -> {
            Optional<Shipment> found = shipments.lock(id).filter(s -> actor.mayAccess(s.logisticsProvider()));
            if (found.isEmpty()) {
                return new EventResult.NotFound("shipment " + id);
            }
            Shipment shipment = found.get();
            Checked<LogisticsEvent> checked = ShipmentValidation.event(submitted, now());
            if (!checked.isValid()) {
                return new EventResult.Invalid(checked.violations());
            }
            LogisticsEvent event = checked.value();
            return switch (ShipmentLifecycle.decide(shipment.state(), shipment.events(), event)) {
                case ShipmentLifecycle.Duplicate d -> new EventResult.AlreadyRecorded(shipment);
                case ShipmentLifecycle.Refuse r -> new EventResult.OutOfOrder(r.rule(), r.reason());
                case ShipmentLifecycle.Accept a -> {
                    shipments.addEvents(List.of(new ShipmentStore.NewEvent(id, event)), null);
                    shipments.updateStates(Map.of(id, a.next()));
                    if (event.type() == LogisticsEventType.DELIVERED) {
                        events.publishEvent(delivered(shipment, event));
                    }
                    records.recheck(List.of(shipment.order()), Map.of());
                    audit.record(actor, "trade.shipment.event", "trade_shipment", id.toString(), Summaries.of(shipment, event));
                    yield new EventResult.Recorded(shipments.find(id).orElseThrow());
                }
            };
        });
    }

    static ShipmentDelivered delivered(Shipment shipment, LogisticsEvent event) {
        return new ShipmentDelivered(shipment.id(), shipment.order(), shipment.logisticsProvider(), shipment.carrier(),
                shipment.waybill(), event.occurredAt());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Shipment> find(ShipmentId id) {
        return shipments.find(id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
