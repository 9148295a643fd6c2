package org.finbridge.trade.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.PartyId;
import org.finbridge.trade.ImportId;
import org.finbridge.trade.LogisticsEvent;
import org.finbridge.trade.LogisticsEventType;
import org.finbridge.trade.OrderReference;
import org.finbridge.trade.Place;
import org.finbridge.trade.Shipment;
import org.finbridge.trade.ShipmentId;
import org.finbridge.trade.ShipmentState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shipments and their events in {@code trade_shipments} and {@code trade_shipment_events}. */
@Repository
class ShipmentStore {

    /** A carrier's waybill: what names a shipment outside the platform. */
    record Waybill(String carrier, String waybill) {
    }

    /** An event to add to a shipment. */
    record NewEvent(ShipmentId shipment, LogisticsEvent event) {
    }

    private static final String INSERT_SHIPMENT = """
            insert into trade_shipments (id, record_id, logistics_provider_id, carrier, waybill, marketplace_id,
                order_number, state, import_id, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_EVENT = """
            insert into trade_shipment_events (shipment_id, event_type, occurred_at, country, place, import_id, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT = """
            select id, logistics_provider_id, carrier, waybill, marketplace_id, order_number, state, recorded_at
            from trade_shipments""";

    private final JdbcTemplate batch;
    private final JdbcClient jdbc;

    ShipmentStore(JdbcTemplate batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    void insert(List<Shipment> shipments, ImportId importId) {
        UUID imported = importId == null ? null : importId.value();
        Rows.batch(batch, INSERT_SHIPMENT, shipments, (ps, s) -> {
            ps.setObject(1, s.id().value());
            ps.setObject(2, s.order().recordId().value());
            ps.setObject(3, s.logisticsProvider().value());
            ps.setString(4, s.carrier());
            ps.setString(5, s.waybill());
            ps.setObject(6, s.order().marketplace().value());
            ps.setString(7, s.order().orderNumber());
            ps.setString(8, s.state().name());
            Rows.uuidOrNull(ps, 9, imported);
            ps.setObject(10, Rows.ts(s.recordedAt()));
        });
    }

    void addEvents(List<NewEvent> events, ImportId importId) {
        UUID imported = importId == null ? null : importId.value();
        Rows.batch(batch, INSERT_EVENT, events, (ps, e) -> {
            ps.setObject(1, e.shipment().value());
            ps.setString(2, e.event().type().name());
            ps.setObject(3, Rows.ts(e.event().occurredAt()));
            ps.setString(4, e.event().place().country());
            ps.setString(5, e.event().place().locality());
            Rows.uuidOrNull(ps, 6, imported);
            ps.setObject(7, Rows.ts(e.event().recordedAt()));
        });
    }

    void updateStates(Map<ShipmentId, ShipmentState> states) {
        Rows.batch(batch, "update trade_shipments set state = ? where id = ?", List.copyOf(states.entrySet()), (ps, e) -> {
            ps.setString(1, e.getValue().name());
            ps.setObject(2, e.getKey().value());
        });
    }

    Optional<Shipment> find(ShipmentId id) {
        return withEvents(jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(this::shipment).list())
                .stream().findFirst();
    }

    /** The shipment, locked until the transaction ends, so that its events are decided one at a time. */
    Optional<Shipment> lock(ShipmentId id) {
        return withEvents(jdbc.sql(SELECT + " where id = :id for update").param("id", id.value()).query(this::shipment).list())
                .stream().findFirst();
    }

    Optional<Shipment> find(Waybill waybill) {
        return withEvents(jdbc.sql(SELECT + " where carrier = :carrier and waybill = :waybill")
                .param("carrier", waybill.carrier()).param("waybill", waybill.waybill()).query(this::shipment).list())
                .stream().findFirst();
    }

    /**
     * The recorded shipments among these waybills, with their events. Asked as row values, which both
     * databases look up in the (carrier, waybill) index; {@code carrier = ? and waybill in (…)} would
     * make H2 scan the carrier's every shipment.
     */
    Map<Waybill, Shipment> byWaybills(Collection<Waybill> waybills) {
        return byWaybills(waybills, false);
    }

    /** The same, locked until the transaction ends when {@code lock}: events are decided one writer at a time. */
    Map<Waybill, Shipment> byWaybills(Collection<Waybill> waybills, boolean lock) {
        List<Shipment> found = new ArrayList<>();
        Rows.inChunks(waybills, chunk -> {
            StringBuilder sql = new StringBuilder(SELECT).append(" where (carrier, waybill) in (");
            List<Object> args = new ArrayList<>();
            for (Waybill w : chunk) {
                sql.append(args.isEmpty() ? "(?, ?)" : ", (?, ?)");
                args.add(w.carrier());
                args.add(w.waybill());
            }
            sql.append(lock ? ") for update" : ")");
            found.addAll(jdbc.sql(sql.toString()).params(args).query(this::shipment).list());
        });
        Map<Waybill, Shipment> result = new HashMap<>();
        withEvents(found).forEach(s -> result.put(new Waybill(s.carrier(), s.waybill()), s));
        return result;
    }

    /** The shipments of these trade records, by record id. */
    Map<UUID, List<Shipment>> byRecords(Collection<UUID> recordIds) {
        List<Shipment> found = new ArrayList<>();
        Rows.inChunks(recordIds, chunk -> found.addAll(jdbc.sql(SELECT + " where record_id in (:ids) order by id")
                .param("ids", chunk).query(this::shipment).list()));
        Map<UUID, List<Shipment>> byRecord = new HashMap<>();
        withEvents(found).forEach(s -> byRecord.computeIfAbsent(s.order().recordId().value(), k -> new ArrayList<>()).add(s));
        return byRecord;
    }

    private List<Shipment> withEvents(List<Shipment> shipments) {
        if (shipments.isEmpty()) {
            return shipments;
        }
        Map<UUID, List<LogisticsEvent>> events = new HashMap<>();
        Rows.inChunks(shipments.stream().map(s -> s.id().value()).toList(), chunk -> jdbc.sql("""
                        select shipment_id, event_type, occurred_at, country, place, recorded_at
                        from trade_shipment_events where shipment_id in (:ids) order by shipment_id, occurred_at, recorded_at""")
                .param("ids", chunk)
                .query((ResultSet rs) -> {
                    events.computeIfAbsent(Rows.uuid(rs, "shipment_id"), k -> new ArrayList<>()).add(new LogisticsEvent(
                            LogisticsEventType.valueOf(rs.getString("event_type")), Rows.instant(rs, "occurred_at"),
                            new Place(rs.getString("country"), rs.getString("place")), Rows.instant(rs, "recorded_at")));
                }));
        Map<UUID, Shipment> ordered = new LinkedHashMap<>();
        for (Shipment s : shipments) {
            ordered.put(s.id().value(), new Shipment(s.id(), s.logisticsProvider(), s.carrier(), s.waybill(), s.order(),
                    s.state(), events.getOrDefault(s.id().value(), List.of()), s.recordedAt()));
        }
        return List.copyOf(ordered.values());
    }

    private Shipment shipment(ResultSet rs, int n) throws SQLException {
        return new Shipment(new ShipmentId(Rows.uuid(rs, "id")), new PartyId(Rows.uuid(rs, "logistics_provider_id")),
                rs.getString("carrier"), rs.getString("waybill"),
                new OrderReference(new PartyId(Rows.uuid(rs, "marketplace_id")), rs.getString("order_number")),
                ShipmentState.valueOf(rs.getString("state")), List.of(), Rows.instant(rs, "recorded_at"));
    }
}
