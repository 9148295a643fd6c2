package org.finbridge.trade.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.finbridge.platform.DatabaseKind;
import org.finbridge.trade.Buyer;
import org.finbridge.trade.HsCode;
import org.finbridge.trade.ImportId;
import org.finbridge.trade.Order;
import org.finbridge.trade.OrderId;
import org.finbridge.trade.OrderItem;
import org.finbridge.trade.OrderReference;
import org.springframework.jdbc.core.ConnectionCallback;
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
    private final DatabaseKind database;

    OrderStore(JdbcTemplate batch, JdbcClient jdbc, DatabaseKind database) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Inserts the orders in the caller's transaction: on PostgreSQL as one array statement per table and
     * chunk (the rows travel as one array per column and are unnested by the server), elsewhere as JDBC
     * batches.
     */
    void insert(List<Order> orders, ImportId importId) {
        if (orders.isEmpty()) {
            return;
        }
        UUID imported = importId == null ? null : importId.value();
        if (database.postgres()) {
            for (int from = 0; from < orders.size(); from += Rows.CHUNK) {
                List<Order> chunk = orders.subList(from, Math.min(orders.size(), from + Rows.CHUNK));
                batch.execute((ConnectionCallback<Void>) c -> {
                    insertPostgres(c, chunk, imported);
                    return null;
                });
            }
            return;
        }
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

    private static void insertPostgres(Connection c, List<Order> orders, UUID imported) throws SQLException {
        int n = orders.size();
        Object[] id = new Object[n], record = new Object[n], marketplace = new Object[n], number = new Object[n],
                merchant = new Object[n], buyer = new Object[n], buyerRef = new Object[n], currency = new Object[n],
                total = new Object[n], ordered = new Object[n], recorded = new Object[n];
        List<Object> itemOrder = new ArrayList<>(), line = new ArrayList<>(), hs = new ArrayList<>(),
                description = new ArrayList<>(), quantity = new ArrayList<>(), price = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Order o = orders.get(i);
            id[i] = o.id().value();
            record[i] = o.reference().recordId().value();
            marketplace[i] = o.marketplace().value();
            number[i] = o.reference().orderNumber();
            merchant[i] = o.merchant().value();
            buyer[i] = o.buyer().partyId() == null ? null : o.buyer().partyId().value();
            buyerRef[i] = o.buyer().externalReference();
            currency[i] = o.currency().code();
            total[i] = o.totalMinorUnits();
            ordered[i] = o.orderedAt().toString();
            recorded[i] = o.recordedAt().toString();
            for (int k = 0; k < o.items().size(); k++) {
                OrderItem item = o.items().get(k);
                itemOrder.add(o.id().value());
                line.add(k + 1);
                hs.add(item.hsCode().digits());
                description.add(item.description());
                quantity.add(item.quantity());
                price.add(item.unitPriceMinorUnits());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into trade_orders (id, record_id, marketplace_id, order_number, merchant_id, buyer_id, buyer_reference,
                    currency, total_minor_units, ordered_at, import_id, recorded_at)
                select u.id, u.record, u.marketplace, u.number, u.merchant, u.buyer, u.buyer_ref, u.currency, u.total,
                       u.ordered::timestamptz, ?::uuid, u.recorded::timestamptz
                from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[],
                            ?::bigint[], ?::text[], ?::text[])
                     as u(id, record, marketplace, number, merchant, buyer, buyer_ref, currency, total, ordered, recorded)""")) {
            ps.setObject(1, imported);
            ps.setArray(2, c.createArrayOf("uuid", id));
            ps.setArray(3, c.createArrayOf("uuid", record));
            ps.setArray(4, c.createArrayOf("uuid", marketplace));
            ps.setArray(5, c.createArrayOf("text", number));
            ps.setArray(6, c.createArrayOf("uuid", merchant));
            ps.setArray(7, c.createArrayOf("uuid", buyer));
            ps.setArray(8, c.createArrayOf("text", buyerRef));
            ps.setArray(9, c.createArrayOf("text", currency));
            ps.setArray(10, c.createArrayOf("int8", total));
            ps.setArray(11, c.createArrayOf("text", ordered));
            ps.setArray(12, c.createArrayOf("text", recorded));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into trade_order_items (order_id, line_no, hs_code, description, quantity, unit_price_minor_units)
                select * from unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])""")) {
            ps.setArray(1, c.createArrayOf("uuid", itemOrder.toArray()));
            ps.setArray(2, c.createArrayOf("int4", line.toArray()));
            ps.setArray(3, c.createArrayOf("text", hs.toArray()));
            ps.setArray(4, c.createArrayOf("text", description.toArray()));
            ps.setArray(5, c.createArrayOf("int8", quantity.toArray()));
            ps.setArray(6, c.createArrayOf("int8", price.toArray()));
            ps.executeUpdate();
        }
    }

    Optional<Order> find(OrderId id) {
        return first(jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(this::order).list());
    }

    Optional<Order> find(OrderReference reference) {
        return first(jdbc.sql(SELECT + " where marketplace_id = :marketplace and order_number = :number")
                .param("marketplace", reference.marketplace().value()).param("number", reference.orderNumber())
                .query(this::order).list());
    }

    /** The trade records of the merchant's latest orders, newest first. */
    List<UUID> latestRecordsOf(PartyId merchant, int limit) {
        return jdbc.sql("select record_id from trade_orders where merchant_id = ? order by ordered_at desc, id desc limit ?")
                .param(merchant.value()).param(limit).query(UUID.class).list();
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

    /**
     * Which of these trade records have their order already. Asked by record id, the single-column key
     * derived from marketplace and order number: H2 would use only the first column of the
     * (marketplace, number) index for {@code marketplace = ? and number in (…)} and scan a marketplace's
     * every order per chunk.
     */
    Set<UUID> recordsWithOrders(Collection<UUID> recordIds) {
        Set<UUID> existing = new HashSet<>();
        Rows.inChunks(recordIds, chunk -> existing.addAll(jdbc.sql(
                        "select record_id from trade_orders where record_id in (:ids)")
                .param("ids", chunk).query(UUID.class).list()));
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
