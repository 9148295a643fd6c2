package org.finbridge.trade.internal;

import org.finbridge.trade.Declaration;
import org.finbridge.trade.LogisticsEvent;
import org.finbridge.trade.Order;
import org.finbridge.trade.PaidAmount;
import org.finbridge.trade.Shipment;

/** Short texts of trade documents for the audit log: what identifies them and their amounts. */
final class Summaries {

    private Summaries() {
    }

    static String of(Order o) {
        return "order " + o.reference().orderNumber() + " of marketplace " + o.marketplace() + " for merchant " + o.merchant()
                + ": " + o.currency().code() + " " + o.totalMinorUnits() + " minor units, " + o.items().size() + " items";
    }

    static String of(PaidAmount p) {
        return "payment " + p.paymentReference() + ": " + p.currency().code() + " " + p.amountMinorUnits() + " minor units at "
                + p.paidAt();
    }

    static String of(Shipment s) {
        return "shipment " + s.carrier() + " " + s.waybill() + " for order " + s.order().orderNumber() + " of marketplace "
                + s.order().marketplace();
    }

    static String of(Shipment s, LogisticsEvent e) {
        return s.carrier() + " " + s.waybill() + ": " + e.type() + " at " + e.occurredAt() + " in " + e.place().locality()
                + ", " + e.place().country();
    }

    static String of(Declaration d) {
        return "declaration " + d.declarationNumber() + " mode " + d.mode().code() + " " + d.direction() + " for merchant "
                + d.merchant() + ", order " + d.order().orderNumber() + ": " + d.currency().code() + " "
                + d.declaredValueMinorUnits() + " minor units, " + d.lines().size() + " lines";
    }
}
