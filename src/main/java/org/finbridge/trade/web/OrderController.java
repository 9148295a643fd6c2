package org.finbridge.trade.web;

import static org.finbridge.trade.web.TradeProblems.invalid;
import static org.finbridge.trade.web.TradeProblems.notFound;

import java.net.URI;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.NewOrder;
import org.finbridge.trade.NewPayment;
import org.finbridge.trade.OrderId;
import org.finbridge.trade.OrderResult;
import org.finbridge.trade.Orders;
import org.finbridge.trade.PaymentResult;
import org.finbridge.trade.web.TradeViews.OrderView;
import org.finbridge.trade.web.TradeViews.TradeRecordView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders from marketplaces. 201 for a new order, 200 for the same order sent again, 409
 * ORDER_NUMBER_TAKEN for another order under a used number, 400 INVALID_FIELD with every problem.
 */
@RestController
@RequestMapping("/api/v1/trade")
class OrderController {

    private final Orders orders;

    OrderController(Orders orders) {
        this.orders = orders;
    }

    @PostMapping("/orders")
    @Access(value = ApiScope.TRADE_SUBMIT, kinds = PartyKind.MARKETPLACE)
    ResponseEntity<?> submit(Actor actor, @RequestBody NewOrder body) {
        return switch (orders.submit(body, actor)) {
            case OrderResult.Recorded r -> ResponseEntity.created(URI.create("/api/v1/trade/orders/" + r.order().id()))
                    .body(OrderView.of(r.order()));
            case OrderResult.AlreadyRecorded a -> ResponseEntity.ok(OrderView.of(a.order()));
            case OrderResult.NumberTaken t -> TradeProblems.conflict("ORDER_NUMBER_TAKEN",
                    "order number " + t.existing().reference().orderNumber() + " is already used for another order");
            case OrderResult.Invalid i -> invalid(i.violations());
        };
    }

    @GetMapping("/orders/{id}")
    @Access(value = ApiScope.TRADE_SUBMIT, kinds = {PartyKind.MARKETPLACE, PartyKind.MERCHANT})
    OrderView order(Actor actor, @PathVariable String id) {
        return orders.find(orderId(id)).filter(o -> Visibility.sees(actor, o)).map(OrderView::of)
                .orElseThrow(() -> notFound("ORDER_NOT_FOUND", id));
    }

    /** The marketplace pushes the payment reference of its order (the payment record of the three-document match). */
    @PostMapping("/orders/{id}/payment")
    @Access(value = ApiScope.TRADE_SUBMIT, kinds = PartyKind.MARKETPLACE)
    ResponseEntity<?> payment(Actor actor, @PathVariable String id, @RequestBody NewPayment body) {
        return switch (orders.recordPayment(orderId(id), body, actor)) {
            case PaymentResult.Recorded r -> ResponseEntity.status(201).body(TradeRecordView.of(r.record()));
            case PaymentResult.AlreadyRecorded a -> ResponseEntity.ok(TradeRecordView.of(a.record()));
            case PaymentResult.AnotherPaymentRecorded p -> TradeProblems.conflict("PAYMENT_ALREADY_RECORDED",
                    "payment " + p.existing().paymentReference() + " is already recorded for this order");
            case PaymentResult.NotFound n -> throw notFound("ORDER_NOT_FOUND", id);
            case PaymentResult.Invalid i -> invalid(i.violations());
        };
    }

    private static OrderId orderId(String text) {
        try {
            return OrderId.parse(text);
        } catch (IllegalArgumentException e) {
            throw notFound("ORDER_NOT_FOUND", text);
        }
    }
}
