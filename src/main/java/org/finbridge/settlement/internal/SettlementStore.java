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
import org.finbridge.platform.SqlArrays;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The settlement tables, in explicit SQL. */
@Component
class SettlementStore {

    /** A planned line as stored: what one payment contributes to one posting of the run. */
    record StoredLine(UUID runId, UUID paymentId, ReleasePlanner.Kind kind, UUID merchantId, String currency, long amount) {
    }

    /**
     * One ledger transfer of the run: all of a merchant's lines of one kind in one currency. A release and a
     * recovery of the same merchant and currency are netted: the larger moves only the difference
     * ({@code transferAmount}), the smaller moves nothing itself and names the one it is carried in ({@code nettedInto}).
     */
    record StoredPosting(UUID runId, UUID merchantId, String currency, ReleasePlanner.Kind kind, long amount, int lineCount,
                         UUID transferId, String status, String result, long transferAmount, ReleasePlanner.Kind nettedInto) {
    }

    /** Lines per INSERT: the columns go as arrays, so a statement carries many rows in six parameters. */
    private static final int ROWS_PER_INSERT = 20_000;

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

    /**
     * Every tracked payment with its delivery and what settlement has moved for it so far (the sum of its
     * lines in posted postings), one at a time: a run over a million payments keeps only those it releases.
     */
    void forEachTracked(java.util.function.Consumer<ReleasePlanner.Tracked> each) {
        forEachTracked(null, each);
    }

    private void forEachTracked(UUID only, java.util.function.Consumer<ReleasePlanner.Tracked> each) {
        Map<String, String> currencies = new java.util.HashMap<>();
        var sql = jdbc.sql("""
                select p.payment_id, p.merchant_id, p.currency, p.captured_at,
                  coalesce(d.delivered_at, o.delivered_at) as delivered_at,
                  coalesce(m.settled, 0) as settled, coalesce(m.reserve_withheld, 0) as reserve_withheld,
                  coalesce(m.reserve_released, 0) as reserve_released
                from settlement_payments p
                left join settlement_deliveries d on d.payment_id = p.payment_id
                left join settlement_order_deliveries o on o.merchant_id = p.merchant_id and o.order_reference = p.order_reference
                left join (select l.payment_id,
                    sum(case when l.kind = 'RELEASE' then l.amount when l.kind = 'RECOVERY' then 0 - l.amount else 0 end) as settled,
                    sum(case when l.kind = 'RESERVE_WITHHOLD' then l.amount else 0 end) as reserve_withheld,
                    sum(case when l.kind = 'RESERVE_RELEASE' then l.amount else 0 end) as reserve_released
                  from settlement_lines l join settlement_postings s on s.run_id = l.run_id and s.merchant_id = l.merchant_id
                    and s.currency = l.currency and s.kind = l.kind
                  where s.status = 'POSTED' group by l.payment_id) m on m.payment_id = p.payment_id"""
                + (only == null ? "" : " where p.payment_id = ?"));
        (only == null ? sql : sql.param(only)).query(rs -> {
                    String ccy = rs.getString("currency");
                    each.accept(new ReleasePlanner.Tracked(rs.getObject("payment_id", UUID.class),
                            rs.getObject("merchant_id", UUID.class), currencies.computeIfAbsent(ccy, c -> c),
                            instant(rs, "captured_at"), instant(rs, "delivered_at"), rs.getLong("settled"),
                            rs.getLong("reserve_withheld"), rs.getLong("reserve_released")));
                });
    }

    /** What settlement has moved for one payment (posted lines), as the planner sees it. */
    Optional<ReleasePlanner.Tracked> tracked(UUID payment) {
        var found = new java.util.ArrayList<ReleasePlanner.Tracked>();
        forEachTracked(payment, found::add);
        return found.stream().findFirst();
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

    // --- lines and postings

    /** Writes the run's lines, {@value #ROWS_PER_INSERT} rows per statement, each column bound as one array. */
    void insertLines(List<StoredLine> lines) {
        for (int from = 0; from < lines.size(); from += ROWS_PER_INSERT) {
            List<StoredLine> part = lines.subList(from, Math.min(lines.size(), from + ROWS_PER_INSERT));
            jdbc.sql("""
                    insert into settlement_lines (run_id, payment_id, kind, merchant_id, currency, amount)
                    select ?, l.payment_id, l.kind, l.merchant_id, l.currency, l.amount
                    from unnest(?, ?, ?, ?, ?) as l (payment_id, kind, merchant_id, currency, amount)""")
                    .param(part.getFirst().runId())
                    .param(SqlArrays.of("uuid", part.stream().map(StoredLine::paymentId).toList()))
                    .param(SqlArrays.of("varchar", part.stream().map(l -> l.kind().name()).toList()))
                    .param(SqlArrays.of("uuid", part.stream().map(StoredLine::merchantId).toList()))
                    .param(SqlArrays.of("varchar", part.stream().map(StoredLine::currency).toList()))
                    .param(SqlArrays.of("bigint", part.stream().map(StoredLine::amount).toList()))
                    .update();
        }
    }

    void insertPostings(List<StoredPosting> postings) {
        if (postings.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into settlement_postings (run_id, merchant_id, currency, kind, amount, line_count, transfer_id, status,
                  transfer_amount, netted_into)
                select ?, p.merchant_id, p.currency, p.kind, p.amount, p.line_count, p.transfer_id, 'PENDING', p.transfer_amount,
                  p.netted_into
                from unnest(?, ?, ?, ?, ?, ?, ?, ?) as p (merchant_id, currency, kind, amount, line_count, transfer_id,
                  transfer_amount, netted_into)""")
                .param(postings.getFirst().runId())
                .param(SqlArrays.of("uuid", postings.stream().map(StoredPosting::merchantId).toList()))
                .param(SqlArrays.of("varchar", postings.stream().map(StoredPosting::currency).toList()))
                .param(SqlArrays.of("varchar", postings.stream().map(p -> p.kind().name()).toList()))
                .param(SqlArrays.of("bigint", postings.stream().map(StoredPosting::amount).toList()))
                .param(SqlArrays.of("integer", postings.stream().map(StoredPosting::lineCount).toList()))
                .param(SqlArrays.of("uuid", postings.stream().map(StoredPosting::transferId).toList()))
                .param(SqlArrays.of("bigint", postings.stream().map(StoredPosting::transferAmount).toList()))
                .param(SqlArrays.of("varchar", postings.stream().map(p -> p.nettedInto() == null ? null : p.nettedInto().name()).toList()))
                .update();
    }

    /** Postings still waiting for the ledger, in the order they must be applied (withholds before releases, recoveries last). */
    List<StoredPosting> pendingPostings(UUID run) {
        return jdbc.sql("select * from settlement_postings where run_id = ? and status = 'PENDING'").param(run)
                .query(SettlementStore::posting).list().stream()
                .sorted(java.util.Comparator.comparing((StoredPosting p) -> p.kind().ordinal())
                        .thenComparing(StoredPosting::merchantId).thenComparing(StoredPosting::currency))
                .toList();
    }

    String postingStatus(UUID run, UUID merchant, String currency, ReleasePlanner.Kind kind) {
        return jdbc.sql("select status from settlement_postings where run_id = ? and merchant_id = ? and currency = ? and kind = ?")
                .params(run, merchant, currency, kind.name()).query(String.class).optional().orElse("REFUSED");
    }

    /**
     * Records the ledger's answer for a posting, in the caller's transaction. Only the first recording counts
     * (a second node or a resumed run finds the posting no longer PENDING); the lines of a posted posting are
     * what settlement has moved for their payments.
     */
    void recordPosting(StoredPosting p, boolean posted, String result) {
        jdbc.sql("""
                update settlement_postings set status = ?, result = ?
                where run_id = ? and merchant_id = ? and currency = ? and kind = ? and status = 'PENDING'""")
                .params(posted ? "POSTED" : "REFUSED", result, p.runId(), p.merchantId(), p.currency(), p.kind().name()).update();
    }

    // --- statements

    /** Writes one statement per merchant and currency from the run's postings (few rows: one per merchant and kind). */
    void writeStatements(UUID run, java.time.Clock clock) {
        record Totals(UUID merchant, String currency, long released, long recovered, long withheld, long reserveReleased,
                      long lines, long refused, long netted) {
        }
        List<Totals> totals = jdbc.sql("""
                select merchant_id, currency,
                  sum(case when kind = 'RELEASE' and status = 'POSTED' then amount else 0 end) as released,
                  sum(case when kind = 'RECOVERY' and status = 'POSTED' then amount else 0 end) as recovered,
                  sum(case when kind = 'RESERVE_WITHHOLD' and status = 'POSTED' then amount else 0 end) as withheld,
                  sum(case when kind = 'RESERVE_RELEASE' and status = 'POSTED' then amount else 0 end) as reserve_released,
                  sum(line_count) as line_count,
                  sum(case when status = 'REFUSED' then line_count else 0 end) as refused_count,
                  sum(case when status = 'POSTED' and netted_into is not null then amount else 0 end) as netted
                from settlement_postings where run_id = ? group by merchant_id, currency order by merchant_id, currency""")
                .param(run)
                .query((rs, n) -> new Totals(rs.getObject("merchant_id", UUID.class), rs.getString("currency"),
                        rs.getLong("released"), rs.getLong("recovered"), rs.getLong("withheld"), rs.getLong("reserve_released"),
                        rs.getLong("line_count"), rs.getLong("refused_count"), rs.getLong("netted")))
                .list();
        Timestamp now = ts(clock.instant());
        int perInsert = 500;
        for (int from = 0; from < totals.size(); from += perInsert) {
            List<Totals> part = totals.subList(from, Math.min(totals.size(), from + perInsert));
            var sql = new StringBuilder("""
                    insert into settlement_statements (id, run_id, merchant_id, currency, released, recovered, reserve_withheld,
                    reserve_released, net_to_available, line_count, refused_count, created_at, netted) values """);
            List<Object> params = new java.util.ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                Totals t = part.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                params.addAll(List.of(TimeOrderedIds.next(clock), run, t.merchant(), t.currency(), t.released(), t.recovered(),
                        t.withheld(), t.reserveReleased(), t.released() - t.recovered() + t.reserveReleased(),
                        Math.toIntExact(t.lines()), Math.toIntExact(t.refused()), now, t.netted()));
            }
            jdbc.sql(sql.toString()).params(params).update();
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
                        rs.getLong("reserve_released"), rs.getLong("net_to_available"), rs.getLong("netted"), List.of(),
                        instant(rs, "created_at")))
                .list().stream().limit(limit).toList();
        return heads.stream().map(s -> new SettlementStatement(s.id(), s.runId(), s.merchantId(), s.currency(), s.released(),
                s.recovered(), s.reserveWithheld(), s.reserveReleased(), s.netToAvailable(), s.netted(),
                jdbc.sql("""
                        select l.payment_id, l.kind, l.amount, s.transfer_id, s.status, s.result from settlement_lines l
                        join settlement_postings s on s.run_id = l.run_id and s.merchant_id = l.merchant_id
                          and s.currency = l.currency and s.kind = l.kind
                        where l.run_id = ? and l.merchant_id = ? and l.currency = ?
                        order by l.payment_id, l.kind""").params(s.runId().value(), merchant, s.currency())
                        .query((rs, n) -> new SettlementStatement.Line(new PaymentId(rs.getObject("payment_id", UUID.class)),
                                rs.getString("kind"), rs.getLong("amount"),
                                TimeOrderedIds.format("tr", rs.getObject("transfer_id", UUID.class)), rs.getString("status"),
                                rs.getString("result")))
                        .list(),
                s.createdAt())).toList();
    }

    private static final String RUN_VIEW = """
            select r.*, (select coalesce(sum(p.line_count), 0) from settlement_postings p where p.run_id = r.id) as line_count,
              (select coalesce(sum(p.line_count), 0) from settlement_postings p where p.run_id = r.id and p.status = 'POSTED') as posted_count,
              (select coalesce(sum(p.line_count), 0) from settlement_postings p where p.run_id = r.id and p.status = 'REFUSED') as refused_count
            from settlement_runs r""";

    private static SettlementRun run(ResultSet rs, int n) throws SQLException {
        return new SettlementRun(new SettlementRunId(rs.getObject("id", UUID.class)), rs.getObject("business_date", LocalDate.class),
                SettlementRun.Status.valueOf(rs.getString("status")), rs.getInt("line_count"), rs.getInt("posted_count"),
                rs.getInt("refused_count"), instant(rs, "created_at"), instant(rs, "completed_at"));
    }

    private static StoredPosting posting(ResultSet rs, int n) throws SQLException {
        return new StoredPosting(rs.getObject("run_id", UUID.class), rs.getObject("merchant_id", UUID.class), rs.getString("currency"),
                ReleasePlanner.Kind.valueOf(rs.getString("kind")), rs.getLong("amount"), rs.getInt("line_count"),
                rs.getObject("transfer_id", UUID.class), rs.getString("status"), rs.getString("result"),
                rs.getObject("transfer_amount") == null ? rs.getLong("amount") : rs.getLong("transfer_amount"),
                rs.getString("netted_into") == null ? null : ReleasePlanner.Kind.valueOf(rs.getString("netted_into")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
