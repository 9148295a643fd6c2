package org.finbridge.trade.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.NewOrder;
import org.finbridge.trade.Order;
import org.finbridge.trade.OrderId;
import org.finbridge.trade.OrderReference;
import org.springframework.stereotype.Component;

/**
 * Orders in bulk. CSV: one row per item; the rows of one order are consecutive and repeat its order
 * columns. A duplicate order number, in the file or already recorded, rejects the row.
 */
@Component
class OrderImport implements KindImport<NewOrder> {

    static final List<String> COLUMNS = List.of("order_number", "merchant_id", "buyer_id", "buyer_reference", "currency",
            "total_minor_units", "ordered_at", "hs_code", "description", "quantity", "unit_price_minor_units");

    private final OrderStore orders;
    private final TradeRecordService records;

    OrderImport(OrderStore orders, TradeRecordService records) {
        this.orders = orders;
        this.records = records;
    }

    @Override
    public ImportRequest.Kind kind() {
        return ImportRequest.Kind.ORDERS;
    }

    @Override
    public boolean mayImport(Actor actor) {
        return actor.isOperator() || actor.partyKind() == PartyKind.MARKETPLACE;
    }

    @Override
    public Class<NewOrder> jsonType() {
        return NewOrder.class;
    }

    @Override
    public NewOrder onBehalfOf(NewOrder o, PartyId party) {
        return o.marketplaceId() != null ? o : new NewOrder(party.toString(), o.orderNumber(), o.merchantId(), o.buyerId(),
                o.buyerReference(), o.currency(), o.totalMinorUnits(), o.orderedAt(), o.items());
    }

    @Override
    public CsvLayout<NewOrder> csv() {
        return CsvLayout.grouped(COLUMNS, "order_number", COLUMNS.subList(1, 7), (rows, problems) -> {
            CsvRow first = rows.getFirst();
            List<NewOrder.Item> items = new ArrayList<>();
            for (CsvRow row : rows) {
                items.add(new NewOrder.Item(row.get("hs_code"), row.get("description"), row.number("quantity", problems),
                        row.number("unit_price_minor_units", problems)));
            }
            return new NewOrder(null, first.get("order_number"), first.get("merchant_id"), first.get("buyer_id"),
                    first.get("buyer_reference"), first.get("currency"), first.number("total_minor_units", problems),
                    first.get("ordered_at"), items);
        });
    }

    @Override
    public Writer<NewOrder> open(Context context) {
        return new UniqueDocumentWriter<NewOrder, Order, OrderReference>() {
            @Override
            Checked<Order> validate(NewOrder record) {
                return OrderValidation.validate(record, context.actor(), context.parties(), OrderId.next(context.clock()),
                        context.now());
            }

            @Override
            OrderReference key(Order order) {
                return order.reference();
            }

            @Override
            Set<OrderReference> recorded(List<OrderReference> references) {
                Set<UUID> withOrders = orders.recordsWithOrders(references.stream().map(r -> r.recordId().value()).toList());
                return references.stream().filter(r -> withOrders.contains(r.recordId().value())).collect(Collectors.toSet());
            }

            @Override
            void insert(List<Order> fresh) {
                orders.insert(fresh, context.id());
                Map<UUID, Order> written = new HashMap<>();
                fresh.forEach(o -> written.put(o.reference().recordId().value(), o));
                records.recheck(fresh.stream().map(Order::reference).toList(), written);
            }

            @Override
            String duplicateInFile(OrderReference reference, long firstLine) {
                return "orderNumber: duplicate order number " + reference.orderNumber() + " (first on line " + firstLine + ")";
            }

            @Override
            String alreadyRecorded(OrderReference reference) {
                return "orderNumber: duplicate order number " + reference.orderNumber() + " (already recorded)";
            }
        };
    }
}
