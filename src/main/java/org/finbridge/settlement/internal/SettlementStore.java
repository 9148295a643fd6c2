package org.finbridge.settlement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.PartyId;
import org.finbridge.payments.PaymentId;
import org.finbridge.settlement.ReleaseMode;
import org.finbridge.settlement.SettlementPolicy;
import org.finbridge.settlement.SettlementRun;
import org.finbridge.settlement.SettlementRunId;
import org.finbridge.settlement.SettlementStatement;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The settlement tables, in explicit SQL. */
@Component
class SettlementStore {

    /** A planned line as stored. */
    record StoredLine(UUID runId, UUID paymentId, ReleasePlanner.Kind kind, UUID merchantId, String currency, long amount,
                      UUID transferId, String status, String result) {
    }

    private final JdbcClient jdbc;

    SettlementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i.truncatedTo(ChronoUnit.MICROS));
    }

    // --- policies

    Optional<SettlementPolicy> policy(UUID merchant) {
        return jdbc.sql("select * from settlement_policies where merchant_id = ?").param(merchant)
                .query((rs, n) -> new SettlementPolicy(ReleaseMode.valueOf(rs.getString("release_mode")), rs.getInt("holding_days"),
                        rs.getString("calendar_code"), rs.getLong("reserve_basis_points"), rs.getInt("reserve_days"),
                        rs.getLong("minimum_payout_minor")))
                .optional();
    }

    Map<UUID, SettlementPolicy> policies() {
        var m = new java.util.HashMap<UUID, SettlementPolicy>();
        jdbc.sql("select * from settlement_policies").query(rs -> {
            m.put(rs.getObject("merchant_id", UUID.class), new SettlementPolicy(ReleaseMode.valueOf(rs.getString("release_mode")),
                    rs.getInt("holding_days"), rs.getString("calendar_code"), rs.getLong("reserve_basis_points"),
                    rs.getInt("reserve_days"), rs.getLong("minimum_payout_minor")));
        });
        return m;
    }

    void savePolicy(UUID merchant, SettlementPolicy p, String by, Instant at) {
        int n = jdbc.sql("""
                update settlement_policies set release_mode = ?, holding_days = ?, calendar_code = ?, reserve_basis_points = ?,
                reserve_days = ?, minimum_payout_minor = ?, updated_by = ?, updated_at = ? where merchant_id = ?""")
                .params(p.mode().name(), p.holdingDays(), p.calendar(), p.reserveBasisPoints(), p.reserveDays(),
                        p.minimumPayoutMinorUnits(), by, ts(at), merchant).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into settlement_policies (merchant_id, release_mode, holding_days, calendar_code, reserve_basis_points,
                    reserve_days, minimum_payout_minor, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(merchant, p.mode().name(), p.holdingDays(), p.calendar(), p.reserveBasisPoints(), p.reserveDays(),
                            p.minimumPayoutMinorUnits(), by, ts(at)).update();
        }
    }

    // --- tracked payments and deliveries

    /** Remembers a captured payment once (a redelivered event, a second capture: nothing changes). */
    void track(UUID payment, UUID merchant, String currency, Instant capturedAt, String orderReference) {
        jdbc.sql("""
                insert into settlement_payments (payment_id, merchant_id, currency, captured_at, order_reference)
                select ?, ?, ?, ?, ? from (select 1 as one) x
                where not exists (select 1 from settlement_payments where payment_id = ?)""")
                .params(payment, merchant, currency, ts(capturedAt), orderReference, payment).update();
    }

    /** @return false when the order's delivery was already known */
    boolean recordOrderDelivery(UUID merchant, String orderReference, Instant at, String shipment) {
        return jdbc.sql("""
                insert into settlement_order_deliveries (merchant_id, order_reference, delivered_at, shipment_id)
                select ?, ?, ?, ? from (select 1 as one) x
                where not exists (select 1 from settlement_order_deliveries where merchant_id = ? and order_reference = ?)""")
                .params(merchant, orderReference, ts(at), shipment, merchant, orderReference).update() == 1;
    }

    /** @return false when the delivery was already known */
    boolean recordDelivery(UUID payment, Instant at, String by) {
        return jdbc.sql("""
                insert into settlement_deliveries (payment_id, delivered_at, recorded_by)
                select ?, ?, ? from (select 1 as one) x
                where not exists (select 1 from settlement_deliveries where payment_id = ?)""")
                .params(payment, ts(at), by, payment).update() == 1;
    }

    List<ReleasePlanner.Tracked> tracked() {
        return jdbc.sql("""
                select p.*, coalesce(d.delivered_at, o.delivered_at) as delivered_at from settlement_payments p
                left join settlement_deliveries d on d.payment_id = p.payment_id
                left join settlement_order_deliveries o on o.merchant_id = p.merchant_id and o.order_reference = p.order_reference
                order by p.captured_at, p.payment_id""")
                .query((rs, n) -> new ReleasePlanner.Tracked(rs.getObject("payment_id", UUID.class),
                        rs.getObject("merchant_id", UUID.class), rs.getString("currency"), instant(rs, "captured_at"),
                        instant(rs, "delivered_at"), rs.getLong("settled"), rs.getLong("reserve_withheld"),
                        rs.getLong("reserve_released")))
                .list();
    }

    // --- runs

    Optional<SettlementRun> run(UUID id) {
        return jdbc.sql(RUN_VIEW + " where r.id = ?").param(id).query(SettlementStore::run).optional();
    }

    Optional<SettlementRun> runOf(LocalDate date) {
        return jdbc.sql(RUN_VIEW + " where r.business_date = ?").param(date).query(SettlementStore::run).optional();
    }

    List<SettlementRun> runs(int limit) {
        return jdbc.sql(RUN_VIEW + " order by r.business_date desc").query(SettlementStore::run).list().stream()
                .limit(limit).toList();
    }

    List<UUID> unfinishedBefore(LocalDate date) {
        return jdbc.sql("select id from settlement_runs where status <> 'COMPLETED' and business_date < ? order by business_date")
                .param(date).query(UUID.class).list();
    }

    void createRun(UUID id, LocalDate date, String by, Instant at) {
        jdbc.sql("""
                insert into settlement_runs (id, business_date, status, triggered_by, created_at)
                select ?, ?, 'CREATED', ?, ? from (select 1 as one) x
                where not exists (select 1 from settlement_runs where business_date = ?)""")
                .params(id, date, by, ts(at), date).update();
    }

    /** Takes the run for this node until {@code until} when it is free (never claimed, or its lease ran out). */
    boolean claim(UUID run, String node, Instant now, Instant until) {
        return jdbc.sql("""
                update settlement_runs set claimed_by = ?, lease_until = ?, attempts = attempts + 1
                where id = ? and status <> 'COMPLETED' and (lease_until is null or lease_until < ? or claimed_by = ?)""")
                .params(node, ts(until), run, ts(now), node).update() == 1;
    }

    /** Extends this node's lease; false when another node took the run over meanwhile. */
    boolean renew(UUID run, String node, Instant until) {
        return jdbc.sql("update settlement_runs set lease_until = ? where id = ? and claimed_by = ? and status <> 'COMPLETED'")
                .params(ts(until), run, node).update() == 1;
    }

    void release(UUID run, String node) {
        jdbc.sql("update settlement_runs set lease_until = null where id = ? and claimed_by = ?").params(run, node).update();
    }

    boolean markPlanned(UUID run, Instant at) {
        return jdbc.sql("update settlement_runs set status = 'PLANNED', planned_at = ? where id = ? and status = 'CREATED'")
                .params(ts(at), run).update() == 1;
    }

    boolean markCompleted(UUID run, Instant at) {
        return jdbc.sql("update settlement_runs set status = 'COMPLETED', completed_at = ?, lease_until = null where id = ? and status = 'PLANNED'")
                .params(ts(at), run).update() == 1;
    }

    String status(UUID run) {
        return jdbc.sql("select status from settlement_runs where id = ?").param(run).query(String.class).single();
    }

    // --- lines

    void insertLines(List<StoredLine> lines) {
        for (StoredLine l : lines) {
            jdbc.sql("""
                    insert into settlement_lines (run_id, payment_id, kind, merchant_id, currency, amount, transfer_id, status)
                    values (?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
                    .params(l.runId(), l.paymentId(), l.kind().name(), l.merchantId(), l.currency(), l.amount(), l.transferId())
                    .update();
        }
    }

    /** Lines still waiting for the ledger, in the order they must be applied (withholds before releases, recoveries last). */
    List<StoredLine> pendingLines(UUID run) {
        return jdbc.sql("select * from settlement_lines where run_id = ? and status = 'PENDING'").param(run)
                .query(SettlementStore::line).list().stream()
                .sorted(java.util.Comparator.comparing((StoredLine l) -> l.kind().ordinal()).thenComparing(StoredLine::paymentId))
                .toList();
    }

    /**
     * Records the ledger's answer for a line and, when it posted, what settlement has moved for the payment,
     * in the caller's transaction. Only the first recording counts (a second node or a resumed run finds
     * the line no longer PENDING), so the counters move once per line.
     */
    void recordLine(StoredLine l, boolean posted, String result) {
        int n = jdbc.sql("""
                update settlement_lines set status = ?, result = ?
                where run_id = ? and payment_id = ? and kind = ? and status = 'PENDING'""")
                .params(posted ? "POSTED" : "REFUSED", result, l.runId(), l.paymentId(), l.kind().name()).update();
        if (n == 1 && posted) {
            String column = switch (l.kind()) {
                case RELEASE -> "settled = settled + ?";
                case RECOVERY -> "settled = settled - ?";
                case RESERVE_WITHHOLD -> "reserve_withheld = reserve_withheld + ?";
                case RESERVE_RELEASE -> "reserve_released = reserve_released + ?";
            };
            jdbc.sql("update settlement_payments set " + column + " where payment_id = ?").params(l.amount(), l.paymentId()).update();
        }
    }

    // --- statements

    /** Writes one statement per merchant and currency from the run's lines. */
    void writeStatements(UUID run, java.time.Clock clock) {
        record Totals(UUID merchant, String currency, long released, long recovered, long withheld, long reserveReleased,
                      int lines, int refused) {
        }
        List<Totals> totals = jdbc.sql("""
                select merchant_id, currency,
                  sum(case when kind = 'RELEASE' and status = 'POSTED' then amount else 0 end) as released,
                  sum(case when kind = 'RECOVERY' and status = 'POSTED' then amount else 0 end) as recovered,
                  sum(case when kind = 'RESERVE_WITHHOLD' and status = 'POSTED' then amount else 0 end) as withheld,
                  sum(case when kind = 'RESERVE_RELEASE' and status = 'POSTED' then amount else 0 end) as reserve_released,
                  count(*) as line_count,
                  sum(case when status = 'REFUSED' then 1 else 0 end) as refused_count
                from settlement_lines where run_id = ? group by merchant_id, currency order by merchant_id, currency""")
                .param(run)
                .query((rs, n) -> new Totals(rs.getObject("merchant_id", UUID.class), rs.getString("currency"),
                        rs.getLong("released"), rs.getLong("recovered"), rs.getLong("withheld"), rs.getLong("reserve_released"),
                        rs.getInt("line_count"), rs.getInt("refused_count")))
                .list();
        Instant now = clock.instant();
        for (Totals t : totals) {
            jdbc.sql("""
                    insert into settlement_statements (id, run_id, merchant_id, currency, released, recovered, reserve_withheld,
                    reserve_released, net_to_available, line_count, refused_count, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(TimeOrderedIds.next(clock), run, t.merchant(), t.currency(), t.released(), t.recovered(), t.withheld(),
                            t.reserveReleased(), t.released() - t.recovered() + t.reserveReleased(), t.lines(), t.refused(), ts(now))
                    .update();
        }
    }

    List<SettlementStatement> statements(UUID merchant, UUID run, int limit) {
        var sql = new StringBuilder("select * from settlement_statements where merchant_id = ?");
        List<Object> params = new java.util.ArrayList<>(List.of(merchant));
        if (run != null) {
            sql.append(" and run_id = ?");
            params.add(run);
        }
        sql.append(" order by created_at desc, currency");
        List<SettlementStatement> heads = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new SettlementStatement(TimeOrderedIds.format("sst", rs.getObject("id", UUID.class)),
                        new SettlementRunId(rs.getObject("run_id", UUID.class)), new PartyId(merchant), rs.getString("currency"),
                        rs.getLong("released"), rs.getLong("recovered"), rs.getLong("reserve_withheld"),
                        rs.getLong("reserve_released"), rs.getLong("net_to_available"), List.of(), instant(rs, "created_at")))
                .list().stream().limit(limit).toList();
        return heads.stream().map(s -> new SettlementStatement(s.id(), s.runId(), s.merchantId(), s.currency(), s.released(),
                s.recovered(), s.reserveWithheld(), s.reserveReleased(), s.netToAvailable(),
                jdbc.sql("""
                        select * from settlement_lines where run_id = ? and merchant_id = ? and currency = ?
                        order by payment_id, kind""").params(s.runId().value(), merchant, s.currency())
                        .query(SettlementStore::line).list().stream()
                        .map(l -> new SettlementStatement.Line(new PaymentId(l.paymentId()), l.kind().name(), l.amount(),
                                TimeOrderedIds.format("tr", l.transferId()), l.status(), l.result()))
                        .toList(),
                s.createdAt())).toList();
    }

    private static final String RUN_VIEW = """
            select r.*, (select count(*) from settlement_lines l where l.run_id = r.id) as line_count,
              (select count(*) from settlement_lines l where l.run_id = r.id and l.status = 'POSTED') as posted_count,
              (select count(*) from settlement_lines l where l.run_id = r.id and l.status = 'REFUSED') as refused_count
            from settlement_runs r""";

    private static SettlementRun run(ResultSet rs, int n) throws SQLException {
        return new SettlementRun(new SettlementRunId(rs.getObject("id", UUID.class)), rs.getObject("business_date", LocalDate.class),
                SettlementRun.Status.valueOf(rs.getString("status")), rs.getInt("line_count"), rs.getInt("posted_count"),
                rs.getInt("refused_count"), instant(rs, "created_at"), instant(rs, "completed_at"));
    }

    private static StoredLine line(ResultSet rs, int n) throws SQLException {
        return new StoredLine(rs.getObject("run_id", UUID.class), rs.getObject("payment_id", UUID.class),
                ReleasePlanner.Kind.valueOf(rs.getString("kind")), rs.getObject("merchant_id", UUID.class), rs.getString("currency"),
                rs.getLong("amount"), rs.getObject("transfer_id", UUID.class), rs.getString("status"), rs.getString("result"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
