package org.finbridge.trade.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;
import org.finbridge.trade.Buyer;
import org.finbridge.trade.HsCode;
import org.finbridge.trade.ImportId;
import org.finbridge.trade.Order;
import org.finbridge.trade.OrderId;
import org.finbridge.trade.OrderItem;
import org.finbridge.trade.OrderReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders and their items in {@code trade_orders} and {@code trade_order_items}. */
@Repository
class OrderStore {

    private static final String INSERT_ORDER = """
            insert into trade_orders (id, record_id, marketplace_id, order_number, merchant_id, buyer_id, buyer_reference,
                currency, total_minor_units, ordered_at, import_id, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_ITEM = """
            insert into trade_order_items (order_id, line_no, hs_code, description, quantity, unit_price_minor_units)
            values (?, ?, ?, ?, ?, ?)""";
    private static final String SELECT = """
            select id, marketplace_id, order_number, merchant_id, buyer_id, buyer_reference, currency, total_minor_units,
                   ordered_at, recorded_at
            from trade_orders""";

    private record Item(UUID orderId, int line, OrderItem item) {
    }

    private final JdbcTemplate batch;
    private final JdbcClient jdbc;

    OrderStore(JdbcTemplate batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    /** Inserts the orders with JDBC batches; the caller's transaction makes them commit together. */
    void insert(List<Order> orders, ImportId importId) {
        UUID imported = importId == null ? null : importId.value();
        Rows.batch(batch, INSERT_ORDER, orders, (ps, o) -> {
            ps.setObject(1, o.id().value());
            ps.setObject(2, o.reference().recordId().value());
            ps.setObject(3, o.marketplace().value());
            ps.setString(4, o.reference().orderNumber());
            ps.setObject(5, o.merchant().value());
            Rows.uuidOrNull(ps, 6, o.buyer().partyId() == null ? null : o.buyer().partyId().value());
            Rows.textOrNull(ps, 7, o.buyer().externalReference());
            ps.setString(8, o.currency().code());
            ps.setLong(9, o.totalMinorUnits());
            ps.setObject(10, Rows.ts(o.orderedAt()));
            Rows.uuidOrNull(ps, 11, imported);
            ps.setObject(12, Rows.ts(o.recordedAt()));
        });
        List<Item> items = new ArrayList<>();
        for (Order o : orders) {
            for (int line = 0; line < o.items().size(); line++) {
                items.add(new Item(o.id().value(), line + 1, o.items().get(line)));
            }
        }
        Rows.batch(batch, INSERT_ITEM, items, (ps, i) -> {
            ps.setObject(1, i.orderId());
            ps.setInt(2, i.line());
            ps.setString(3, i.item().hsCode().digits());
            ps.setString(4, i.item().description());
            ps.setLong(5, i.item().quantity());
            ps.setLong(6, i.item().unitPriceMinorUnits());
        });
    }

    Optional<Order> find(OrderId id) {
        return first(jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(this::order).list());
    }

    Optional<Order> find(OrderReference reference) {
        return first(jdbc.sql(SELECT + " where marketplace_id = :marketplace and order_number = :number")
                .param("marketplace", reference.marketplace().value()).param("number", reference.orderNumber())
                .query(this::order).list());
    }

    /** The orders of these trade records, by record id. */
    Map<UUID, Order> byRecords(Collection<UUID> recordIds) {
        List<Order> found = new ArrayList<>();
        Rows.inChunks(recordIds, chunk -> found.addAll(jdbc.sql(SELECT + " where record_id in (:ids)")
                .param("ids", chunk).query(this::order).list()));
        Map<UUID, Order> byRecord = new HashMap<>();
        withItems(found).forEach(o -> byRecord.put(o.reference().recordId().value(), o));
        return byRecord;
    }

    /** Which of these order numbers the marketplace has used already. */
    Set<String> existingNumbers(PartyId marketplace, Collection<String> numbers) {
        Set<String> existing = new HashSet<>();
        Rows.inChunks(numbers, chunk -> existing.addAll(jdbc.sql(
                        "select order_number from trade_orders where marketplace_id = :marketplace and order_number in (:numbers)")
                .param("marketplace", marketplace.value()).param("numbers", chunk).query(String.class).list()));
        return existing;
    }

    private Optional<Order> first(List<Order> orders) {
        return withItems(orders).stream().findFirst();
    }

    private List<Order> withItems(List<Order> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<OrderItem>> items = new HashMap<>();
        Rows.inChunks(orders.stream().map(o -> o.id().value()).toList(), chunk -> jdbc.sql("""
                        select order_id, hs_code, description, quantity, unit_price_minor_units
                        from trade_order_items where order_id in (:ids) order by order_id, line_no""")
                .param("ids", chunk)
                .query((ResultSet rs) -> {
                    items.computeIfAbsent(Rows.uuid(rs, "order_id"), k -> new ArrayList<>()).add(new OrderItem(
                            new HsCode(rs.getString("hs_code")), rs.getString("description"), rs.getLong("quantity"),
                            rs.getLong("unit_price_minor_units")));
                }));
        Map<UUID, Order> ordered = new LinkedHashMap<>();
        for (Order o : orders) {
            ordered.put(o.id().value(), new Order(o.id(), o.reference(), o.merchant(), o.buyer(), o.currency(),
                    o.totalMinorUnits(), o.orderedAt(), items.getOrDefault(o.id().value(), List.of()), o.recordedAt()));
        }
        return List.copyOf(ordered.values());
    }

    private Order order(ResultSet rs, int n) throws SQLException {
        UUID buyerId = Rows.uuid(rs, "buyer_id");
        return new Order(new OrderId(Rows.uuid(rs, "id")),
                new OrderReference(new PartyId(Rows.uuid(rs, "marketplace_id")), rs.getString("order_number")),
                new PartyId(Rows.uuid(rs, "merchant_id")),
                new Buyer(buyerId == null ? null : new PartyId(buyerId), rs.getString("buyer_reference")),
                CurrencyCode.of(rs.getString("currency")), rs.getLong("total_minor_units"),
                Rows.instant(rs, "ordered_at"), List.of(), Rows.instant(rs, "recorded_at"));
    }
}
