package org.finbridge.trade.web;

import static org.finbridge.trade.web.TradeProblems.invalid;
import static org.finbridge.trade.web.TradeProblems.notFound;

import java.net.URI;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.EventResult;
import org.finbridge.trade.NewLogisticsEvent;
import org.finbridge.trade.NewShipment;
import org.finbridge.trade.ShipmentId;
import org.finbridge.trade.ShipmentResult;
import org.finbridge.trade.Shipments;
import org.finbridge.trade.web.TradeViews.ShipmentView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shipments and logistics events from logistics providers. An event the lifecycle refuses answers 409
 * with the rule's code (NOT_PICKED_UP, ALREADY_PICKED_UP, SHIPMENT_ENDED, SAME_TIME_OTHER_PLACE); the same
 * event sent again answers 200 and changes nothing.
 */
@RestController
@RequestMapping("/api/v1/trade")
class ShipmentController {

    /** An event over the API names its shipment by the path. */
    record EventBody(String type, String occurredAt, String country, String place) {
    }

    private final Shipments shipments;

    ShipmentController(Shipments shipments) {
        this.shipments = shipments;
    }

    @PostMapping("/shipments")
    @Access(value = ApiScope.TRADE_SUBMIT, kinds = PartyKind.LOGISTICS_PROVIDER)
    ResponseEntity<?> submit(Actor actor, @RequestBody NewShipment body) {
        return switch (shipments.submit(body, actor)) {
            case ShipmentResult.Recorded r -> ResponseEntity.created(URI.create("/api/v1/trade/shipments/" + r.shipment().id()))
                    .body(ShipmentView.of(r.shipment()));
            case ShipmentResult.AlreadyRecorded a -> ResponseEntity.ok(ShipmentView.of(a.shipment()));
            case ShipmentResult.WaybillTaken t -> TradeProblems.conflict("WAYBILL_TAKEN",
                    "waybill " + t.existing().carrier() + " " + t.existing().waybill() + " is already recorded");
            case ShipmentResult.Invalid i -> invalid(i.violations());
        };
    }

    @GetMapping("/shipments/{id}")
    @Access(value = ApiScope.TRADE_SUBMIT, kinds = PartyKind.LOGISTICS_PROVIDER)
    ShipmentView shipment(Actor actor, @PathVariable String id) {
        return shipments.find(shipmentId(id)).filter(s -> Visibility.sees(actor, s)).map(ShipmentView::of)
                .orElseThrow(() -> notFound("SHIPMENT_NOT_FOUND", id));
    }

    @PostMapping("/shipments/{id}/events")
    @Access(value = ApiScope.TRADE_SUBMIT, kinds = PartyKind.LOGISTICS_PROVIDER)
    ResponseEntity<?> event(Actor actor, @PathVariable String id, @RequestBody EventBody body) {
        NewLogisticsEvent event = new NewLogisticsEvent(null, null, body.type(), body.occurredAt(), body.country(), body.place());
        return switch (shipments.addEvent(shipmentId(id), event, actor)) {
            case EventResult.Recorded r -> ResponseEntity.status(HttpStatus.CREATED).body(ShipmentView.of(r.shipment()));
            case EventResult.AlreadyRecorded a -> ResponseEntity.ok(ShipmentView.of(a.shipment()));
            case EventResult.OutOfOrder o -> TradeProblems.conflict(o.rule(), o.reason());
            case EventResult.NotFound n -> throw notFound("SHIPMENT_NOT_FOUND", id);
            case EventResult.Invalid i -> invalid(i.violations());
        };
    }

    private static ShipmentId shipmentId(String text) {
        try {
            return ShipmentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw notFound("SHIPMENT_NOT_FOUND", text);
        }
    }
}
