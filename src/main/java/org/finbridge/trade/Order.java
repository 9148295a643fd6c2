package org.finbridge.trade;

import java.time.Instant;
import java.util.List;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;

/**
 * An order a marketplace reports for one of its merchants. Orders are facts reported by the marketplace:
 * they are recorded once, never edited (a corrected order is a new order number), and their total is the
 * sum of their items, checked on the way in.
 *
 * @param reference the marketplace that submitted it and its order number, unique per marketplace
 * @param recordedAt when the platform recorded it (the order's own time is {@code orderedAt})
 */
public record Order(OrderId id, OrderReference reference, PartyId merchant, Buyer buyer, CurrencyCode currency,
                    long totalMinorUnits, Instant orderedAt, List<OrderItem> items, Instant recordedAt) {

    public Order {
        items = List.copyOf(items);
    }

    public PartyId marketplace() {
        return reference.marketplace();
    }

    public long totalQuantity() {
        return items.stream().mapToLong(OrderItem::quantity).sum();
    }

    /** The same order as {@code other} apart from the platform's own id and recording time. */
    public boolean sameContentAs(Order other) {
        return reference.equals(other.reference) && merchant.equals(other.merchant) && buyer.equals(other.buyer)
                && currency.equals(other.currency) && totalMinorUnits == other.totalMinorUnits
                && orderedAt.equals(other.orderedAt) && items.equals(other.items);
    }
}
