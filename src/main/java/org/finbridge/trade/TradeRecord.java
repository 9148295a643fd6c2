package org.finbridge.trade;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.finbridge.party.PartyId;

/**
 * Everything the platform knows about one order, matched: the order (from the marketplace), the payment
 * (from the payments module or pushed by the marketplace), the shipments (from logistics providers) and
 * the customs declarations. This is the customs' three-document match (三单比对: order, payment and
 * logistics records must agree before cross-border e-commerce goods clear, regulations notes §1.1) with
 * the declaration added. The record is derived, never edited: it is recomputed whenever it is read or a
 * document arrives, and each disagreement is a {@link Mismatch} with its reason.
 *
 * @param order null until the marketplace's order arrives
 */
public record TradeRecord(TradeRecordId id, OrderReference reference, Order order, List<PaidAmount> payments,
                          List<Shipment> shipments, List<Declaration> declarations, List<Mismatch> mismatches) {

    public enum Status {
        /** Some document is still missing; what is there agrees. */
        INCOMPLETE,
        /** Order, payment, shipment and declaration are all there and agree. */
        MATCHED,
        /** At least one mismatch. */
        MISMATCHED
    }

    public TradeRecord {
        payments = List.copyOf(payments);
        shipments = List.copyOf(shipments);
        declarations = List.copyOf(declarations);
        mismatches = List.copyOf(mismatches);
    }

    public Status status() {
        if (!mismatches.isEmpty()) {
            return Status.MISMATCHED;
        }
        boolean complete = order != null && !payments.isEmpty() && !shipments.isEmpty() && !declarations.isEmpty();
        return complete ? Status.MATCHED : Status.INCOMPLETE;
    }

    /** The merchants the documents name: the order's, then any other a declaration names. */
    public Set<PartyId> merchants() {
        Set<PartyId> merchants = new LinkedHashSet<>();
        if (order != null) {
            merchants.add(order.merchant());
        }
        declarations.forEach(d -> merchants.add(d.merchant()));
        return merchants;
    }

    public boolean isEmpty() {
        return order == null && payments.isEmpty() && shipments.isEmpty() && declarations.isEmpty();
    }
}
