package org.finbridge.trade.web;

import org.finbridge.party.Actor;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.Order;
import org.finbridge.trade.Shipment;
import org.finbridge.trade.TradeRecord;

/**
 * Who sees which trade document (issue 3's isolation rule: another party's object answers 404 exactly
 * like a nonexistent one). Operators see everything. A marketplace sees the orders it submitted and the
 * records and declarations of its orders; a merchant its own orders, declarations and records; a
 * logistics provider the shipments it reported (not the orders' prices: it needs none of them).
 */
final class Visibility {

    private Visibility() {
    }

    static boolean sees(Actor actor, Order order) {
        return actor.isOperator() || actor.partyId().equals(order.marketplace()) || actor.partyId().equals(order.merchant());
    }

    static boolean sees(Actor actor, Shipment shipment) {
        return actor.mayAccess(shipment.logisticsProvider());
    }

    static boolean sees(Actor actor, Declaration declaration) {
        return actor.isOperator() || actor.partyId().equals(declaration.merchant())
                || actor.partyId().equals(declaration.order().marketplace()) || actor.partyId().equals(declaration.submittedBy());
    }

    static boolean sees(Actor actor, TradeRecord record) {
        if (actor.isOperator()) {
            return true;
        }
        return switch (actor.partyKind()) {
            case MARKETPLACE -> actor.partyId().equals(record.reference().marketplace());
            case MERCHANT -> record.merchants().contains(actor.partyId());
            default -> false;
        };
    }
}
