package org.finbridge.trade;

import java.util.Optional;
import org.finbridge.party.Actor;

/** Orders reported by marketplaces, one at a time (bulk files go through {@link TradeImports}). */
public interface Orders {

    /** Records an order for the actor's marketplace (an operator names the marketplace in the order). */
    OrderResult submit(NewOrder order, Actor actor);

    Optional<Order> find(OrderId id);

    /** Records the payment reference the marketplace pushes for one of its orders. */
    PaymentResult recordPayment(OrderId order, NewPayment payment, Actor actor);
}
