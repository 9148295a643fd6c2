package org.finbridge.trade.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.Buyer;
import org.finbridge.trade.HsCode;
import org.finbridge.trade.NewOrder;
import org.finbridge.trade.Order;
import org.finbridge.trade.OrderId;
import org.finbridge.trade.OrderItem;
import org.finbridge.trade.OrderReference;

/**
 * Turns a submitted order into an {@link Order}, or into every reason it cannot be one. The same checks
 * run for an order sent alone and for each row of a bulk file.
 */
final class OrderValidation {

    static final int MAX_ITEMS = 1_000;

    private OrderValidation() {
    }

    static Checked<Order> validate(NewOrder n, Actor actor, PartyDirectory.Lookup parties, OrderId id, Instant now) {
        Fields f = new Fields(now);
        PartyId marketplace = Submitters.inRole(actor, PartyKind.MARKETPLACE, "marketplaceId", n.marketplaceId(), f, parties);
        String number = f.reference("orderNumber", n.orderNumber(), 1, 64);
        PartyId merchant = f.party("merchantId", n.merchantId());
        if (merchant != null && !parties.is(merchant, PartyKind.MERCHANT)) {
            f.add("merchantId", "is not a merchant on the platform");
        }
        Buyer buyer = buyer(n, f, parties);
        CurrencyCode currency = f.currency("currency", n.currency());
        Instant orderedAt = f.pastInstant("orderedAt", n.orderedAt());
        List<OrderItem> items = items(n.items(), f);
        long total = f.notNegative("totalMinorUnits", n.totalMinorUnits());
        if (items != null && n.totalMinorUnits() != null) {
            totalIsTheSumOfItems(total, items, f);
        }
        if (!f.ok()) {
            return Checked.invalid(f.violations());
        }
        return Checked.valid(new Order(id, new OrderReference(marketplace, number), merchant, buyer, currency, total,
                orderedAt, items, now));
    }

    private static Buyer buyer(NewOrder n, Fields f, PartyDirectory.Lookup parties) {
        boolean hasId = n.buyerId() != null && !n.buyerId().isBlank();
        boolean hasReference = n.buyerReference() != null && !n.buyerReference().isBlank();
        if (hasId == hasReference) {
            f.add("buyerId", "give either buyerId (a registered buyer) or buyerReference (the marketplace's own), not "
                    + (hasId ? "both" : "neither"));
            return null;
        }
        if (hasId) {
            PartyId id = f.party("buyerId", n.buyerId());
            if (id != null && !parties.is(id, PartyKind.BUYER)) {
                f.add("buyerId", "is not a buyer on the platform");
                return null;
            }
            return id == null ? null : new Buyer(id, null);
        }
        String reference = f.text("buyerReference", n.buyerReference(), 100);
        return reference == null ? null : new Buyer(null, reference);
    }

    private static List<OrderItem> items(List<NewOrder.Item> items, Fields f) {
        if (items == null || items.isEmpty()) {
            f.add("items", "an order has at least one item");
            return null;
        }
        if (items.size() > MAX_ITEMS) {
            f.add("items", "at most " + MAX_ITEMS + " items");
            return null;
        }
        List<OrderItem> valid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            NewOrder.Item item = items.get(i);
            String at = "items[" + i + "].";
            if (item == null) {
                f.add("items[" + i + "]", "is empty");
                continue;
            }
            HsCode hs = hsCode(at + "hsCode", item.hsCode(), f);
            String description = f.text(at + "description", item.description(), 500);
            long quantity = f.positive(at + "quantity", item.quantity());
            long unitPrice = f.notNegative(at + "unitPriceMinorUnits", item.unitPriceMinorUnits());
            if (hs != null && description != null && quantity > 0 && item.unitPriceMinorUnits() != null && unitPrice >= 0) {
                OrderItem line = new OrderItem(hs, description, quantity, unitPrice);
                if (Amounts.lineAmount(quantity, unitPrice).isEmpty()) {
                    f.add(at + "quantity", "quantity × unit price is beyond what an amount can hold");
                } else {
                    valid.add(line);
                }
            }
        }
        return valid.size() == items.size() ? valid : null;
    }

    static HsCode hsCode(String field, String text, Fields f) {
        var problem = HsCode.check(text);
        if (problem.isPresent()) {
            f.add(field, problem.get());
            return null;
        }
        return HsCode.parse(text);
    }

    /** Refuses an order whose stated total is not exactly the sum of quantity × unit price over its items. */
    private static void totalIsTheSumOfItems(long total, List<OrderItem> items, Fields f) {
        var sum = Amounts.sum(items.stream().mapToLong(OrderItem::amountMinorUnits).toArray());
        if (sum.isEmpty()) {
            f.add("totalMinorUnits", "the items add up to more than an amount can hold");
        } else if (sum.getAsLong() != total) {
            f.add("totalMinorUnits", total + " is not the sum of the items (" + sum.getAsLong() + ")");
        }
    }
}
