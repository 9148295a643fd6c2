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
import org.finbridge.platform.DatabaseKind;
import org.finbridge.platform.SqlArrays;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The settlement tables, in explicit SQL. */
@Component
class SettlementStore {

    /**
     * One ledger transfer of the run: all of a merchant's lines of one kind in one currency. A release and a
     * recovery of the same merchant and currency are netted: the larger moves only the difference
     * ({@code transferAmount}), the smaller moves nothing itself and names the one it is carried in ({@code nettedInto}).
     */
    record StoredPosting(UUID runId, UUID merchantId, String currency, ReleasePlanner.Kind kind, long amount, int lineCount,
                         UUID transferId, String status, String result, long transferAmount, ReleasePlanner.Kind nettedInto) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    /** PostgreSQL's working memory for the plan's statement (see {@link #planLines}); empty: the server's setting. */
    private final String planWorkMem;
    private final TrackingHorizon horizon;
    private final DatabaseKind database;

    SettlementStore(JdbcClient jdbc, JdbcTemplate batch, TrackingHorizon horizon, DatabaseKind database,
                    @Value("${finbridge.settlement.plan-work-mem:256MB}") String planWorkMem) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.horizon = horizon;
        this.database = database;
        if (!planWorkMem.isEmpty() && !planWorkMem.matches("[1-9][0-9]{0,6}(kB|MB|GB)")) {
            throw new IllegalArgumentException("finbridge.settlement.plan-work-mem: a size such as 256MB, not " + planWorkMem);
        }
        this.planWorkMem = planWorkMem;
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

    /**
     * Remembers a captured payment once, numbered in tracking order and with what it holds now, in the capture's own
     * transaction: a run may release it within a range as long as it still holds exactly that (V200).
     *
     * @return false when the payment was tracked already (a second capture, a redelivered event)
     */
    boolean track(UUID payment, UUID merchant, String currency, Instant capturedAt, String orderReference) {
        int[] tracked = new int[1];
        horizon.whileTracking(() -> tracked[0] = jdbc.sql("""
                insert into settlement_payments (payment_id, merchant_id, currency, captured_at, order_reference, seq,
                  snap_captured, snap_fees, snap_reserved, amounts_changed)
                select ?, ?, ?, ?, ?, nextval('settlement_payment_seq'), a.captured, a.fees_acquirer + a.fees_platform, a.reserved,
                  case when a.payment_id is null then true else false end
                from (select 1 as one) x left join payment_settlement_amounts a on a.payment_id = ?
                where not exists (select 1 from settlement_payments where payment_id = ?)""")
                .params(payment, merchant, currency, ts(capturedAt), orderReference, payment, payment).update());
        return tracked[0] == 1;
    }

    /**
     * Marks a tracked payment whose amounts changed after it was tracked, in the transaction that changed them (V201):
     * runs read the running totals of marked payments only, and compute the rest from their snapshots.
     */
    void markChanged(UUID payment) {
        jdbc.sql("update settlement_payments set amounts_changed = true where payment_id = ? and amounts_changed = false")
                .param(payment).update();
    }

    /**
     * Tracked payments not marked changed whose running totals differ from their snapshot all the same: none, as long
     * as every step that changes a payment's amounts marks it (V201); a run would release such a payment at its
     * snapshot. The check reads every tracked payment's totals, the join a run avoids: it is for tests and audits.
     */
    List<UUID> unmarkedChanges() {
        return jdbc.sql("""
                select sp.payment_id from settlement_payments sp
                join payment_settlement_amounts a on a.payment_id = sp.payment_id
                where sp.amounts_changed = false and not (%s)""".formatted(HOLDS_SNAPSHOT.formatted("a", "sp")))
                .query(UUID.class).list();
    }

    /** The tracking number every payment at or below is committed by (see {@link TrackingHorizon}). */
    long trackingHorizon() {
        return horizon.horizon();
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

    /** A tracked payment with its delivery and what settlement has moved for it so far (lines and range, posted). */
    Optional<ReleasePlanner.Tracked> tracked(UUID payment) {
        return jdbc.sql("""
                select t.payment_id, t.merchant_id, t.currency, t.captured_at,
                  coalesce(d.delivered_at, o.delivered_at) as delivered_at, t.settled, t.reserve_withheld, t.reserve_released
                from (""" + movedSoFar("and u.payment_id = ?") + """
                ) t
                left join settlement_deliveries d on d.payment_id = t.payment_id
                left join settlement_order_deliveries o on o.merchant_id = t.merchant_id and o.order_reference = t.order_reference""")
                .params(payment, payment)
                .query((rs, n) -> new ReleasePlanner.Tracked(rs.getObject("payment_id", UUID.class),
                        rs.getObject("merchant_id", UUID.class), rs.getString("currency"), instant(rs, "captured_at"),
                        instant(rs, "delivered_at"), rs.getLong("settled"), rs.getLong("reserve_withheld"),
                        rs.getLong("reserve_released")))
                .optional();
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

    /** When the run's policies release payments and give reserves back, as instants (see {@link ReleasePlanner}). */
    record PlanTerms(SettlementPolicy standard, Map<String, Instant> releasedBefore, Map<String, Instant> deliveredBefore,
                     Map<String, Instant> reserveDueBefore) {

        static String key(String calendar, int days) {
            return calendar + ":" + days;
        }
    }

    /** A merchant's lines of one kind in one currency, summed: what becomes one posting. */
    record LineSum(UUID merchantId, String currency, ReleasePlanner.Kind kind, long amount, int lineCount) {
    }

    /** The payment id of a range row (V200): one per run, merchant and currency. */
    static final String RANGE_ROW = "cast('00000000-0000-0000-0000-000000000000' as uuid)";

    /**
     * Writes the run's lines in one INSERT … SELECT: the database reads the payments' running totals
     * ({@code payment_settlement_amounts}), what settlement moved for each before ({@link #movedSoFar}) and the
     * policy. For a payment with net pending money {@code P} (captured less fees, reserve, refunds and a standing
     * dispute's share taken from pending) and a policy reserve target {@code T} (captured × basis points / 10,000,
     * rounded down, less what payments reserved at capture):
     * <ul>
     *   <li>RESERVE_WITHHOLD {@code W = max(0, min(T, max(0, P)) − withheld before)}: topped up, never withheld twice;</li>
     *   <li>RELEASE {@code D = P − (withheld before + W) − settled before}, when positive;</li>
     *   <li>RESERVE_RELEASE, once the reserve is due: {@code reserved + withheld before + W − a standing dispute's
     *       share taken from the reserve − reserve released before}, when positive;</li>
     *   <li>RECOVERY {@code −D} when D is negative (a refund or chargeback after the release).</li>
     * </ul>
     * The common case writes no row per payment: a payment of a HOLDING_PERIOD merchant, due for the first time
     * (captured after the merchant's last range ended), tracked at or before {@code horizon}, holding exactly what
     * it held when tracked, with no line before and no reserve due back, goes into its merchant's range row for the
     * currency (V200), which sums W and D over its payments. The rest of those first-time payments get a line
     * even when it moves nothing, so that they stay out of the range, and so does a payment captured before the
     * merchant's last range ended that is in no range and has no line yet (see {@link #movedSoFar}); every other
     * payment gets a line only when it moves something. Lines and ranges come out of one grouping: a range row's group is its merchant and
     * currency, a line's its payment. The {@code offset 0 rows} fences keep each intermediate amount computed once
     * per payment: flattened, every use of {@code net_pending} and {@code withhold} was evaluated again in the
     * outer expressions.
     *
     * <p>The reserve a merchant may get back is capped afterwards by what its reserve account holds, and the
     * minimum payout applied per merchant ({@code SettlementRuns}): both read the few per-merchant sums only.
     *
     * @return the number of rows written (lines, and one per range)
     */
    int planLines(UUID run, PlanTerms terms, long horizon) {
        List<Object> params = new java.util.ArrayList<>();
        SettlementPolicy standard = terms.standard();
        String calendar = "coalesce(pol.calendar_code, ?)";
        String releasedKey = calendar + " || ':' || cast(coalesce(pol.holding_days, ?) as varchar)";
        // in the order of the statement's parameters: the range's columns (after grouping), then per payment
        params.add(run);
        String rangeTo = byKey(releasedKey, terms.releasedBefore(), params, standard.calendar(), standard.holdingDays());
        params.add(horizon);
        params.add(standard.reserveBasisPoints());
        String reserveDue = byKey(calendar + " || ':' || cast(coalesce(pol.reserve_days, ?) as varchar)",
                terms.reserveDueBefore(), params, standard.calendar(), standard.reserveDays());
        params.add(standard.reserveBasisPoints());
        params.add(standard.mode().name());
        params.add(horizon);
        params.add(standard.mode().name());
        String delivered = byKey(calendar, terms.deliveredBefore(), params, standard.calendar());
        String released = byKey(releasedKey, terms.releasedBefore(), params, standard.calendar(), standard.holdingDays());
        // a first-time payment that goes into its merchant's range (spelt out twice rather than nested once more: H2's
        // parser reads each nested derived table again, and a level more ran a 384 MB heap out of memory)
        String inRange = "v.in_new = 1 and v.clean = 1 and v.lines = 0 and v.net_pending > 0 and v.reserve_owed <= 0";
        String sql = """
                insert into settlement_lines (run_id, merchant_id, payment_id, currency, reserve_withheld, released,
                  reserve_released, recovered, payments, captured_from, captured_to, seq_to, reserve_basis_points)
                select ?, g.merchant_id, g.line_id, g.currency, g.withheld, g.released, g.reserve_released, g.recovered,
                  case when g.line_id = %2$s then g.payments end,
                  case when g.line_id = %2$s then coalesce(g.range_from, g.first_capture) end,
                  case when g.line_id = %2$s then %1$s end,
                  case when g.line_id = %2$s then cast(? as bigint) end,
                  case when g.line_id = %2$s then coalesce(pol.reserve_basis_points, ?) end
                from (
                  select b.merchant_id, b.currency, b.line_id, count(*) as payments,
                    min(b.captured_at) as first_capture, max(b.range_from) as range_from,
                    sum(case when b.withhold > 0 then b.withhold end) as withheld, sum(case when b.delta > 0 then b.delta end) as released,
                    sum(case when b.reserve_owed > 0 then b.reserve_owed end) as reserve_released,
                    sum(case when b.delta < 0 then 0 - b.delta end) as recovered
                  from (
                    select v.merchant_id, v.currency, v.captured_at, v.range_from, v.withhold, v.delta, v.reserve_owed,
                      case when %7$s then %2$s else v.payment_id end as line_id, v.in_new, v.unmarked
                    from (
                      select w.payment_id, w.merchant_id, w.currency, w.captured_at, w.range_from, w.withhold, w.in_new, w.clean,
                        w.lines, w.unmarked, w.net_pending, w.net_pending - w.withheld_before - w.withhold - w.settled as delta,
                        case when w.reserve_due = 1 then w.reserved + w.withheld_before + w.withhold - w.dispute_from_reserve
                          - w.reserve_released else 0 end as reserve_owed
                      from (
                          select x.*, greatest(0, least(x.target, greatest(0, x.net_pending)) - x.withheld_before) as withhold
                          from (
                            select t.payment_id, t.merchant_id, t.currency, t.captured_at, t.range_from, t.lines, t.unmarked,
                              t.reserved, t.dispute_from_reserve,
                              t.captured - t.fees - t.reserved - t.refunded - t.dispute_from_pending as net_pending,
                              t.settled, t.reserve_withheld as withheld_before, t.reserve_released,
                              case when t.captured_at < %3$s then 1 else 0 end as reserve_due,
                              t.captured * coalesce(pol.reserve_basis_points, ?) / 10000 - t.reserved as target,
                              case when coalesce(pol.release_mode, ?) <> 'ON_DELIVERY' and t.seq <= ?
                                and (t.range_from is null or t.captured_at >= t.range_from) then 1 else 0 end as in_new,
                              t.clean
                            from (%4$s) t
                            left join settlement_policies pol on pol.merchant_id = t.merchant_id
                            where case when coalesce(pol.release_mode, ?) = 'ON_DELIVERY' then case when coalesce(
                                (select d.delivered_at from settlement_deliveries d where d.payment_id = t.payment_id),
                                (select o.delivered_at from settlement_order_deliveries o where o.merchant_id = t.merchant_id
                                  and o.order_reference = t.order_reference)) < %5$s then 1 else 0 end
                              when t.captured_at < %6$s then 1 else 0 end = 1
                            offset 0 rows
                          ) x
                          offset 0 rows
                        ) w
                      ) v
                  ) b
                  where b.in_new = 1 or b.unmarked = 1 or b.withhold > 0 or b.delta <> 0 or b.reserve_owed > 0
                  group by b.merchant_id, b.currency, b.line_id
                ) g
                left join settlement_policies pol on pol.merchant_id = g.merchant_id""".formatted(rangeTo, RANGE_ROW, reserveDue,
                movedSoFar(""), delivered, released, inRange);
        if (database.postgres()) {
            // Every expression of the statement is evaluated once per tracked payment, through a dozen plan nodes: compiled
            // to machine code (PostgreSQL's JIT), expressions and tuple deforming run markedly faster (measured over a
            // million payments: 1.3 s against 1.7 s). Only LLVM's optimisation and inlining passes are left out: at
            // this statement's estimated cost the server would run them, and they took seconds before the first row
            // (measured: 3.5 s of a 17 s plan). For this transaction only; a server without JIT support ignores it.
            jdbc.sql("set local jit = on").update();
            jdbc.sql("set local jit_above_cost = 0").update();
            jdbc.sql("set local jit_optimize_above_cost = -1").update();
            jdbc.sql("set local jit_inline_above_cost = -1").update();
            // The statement hashes every released payment and groups them. At the server's usual few megabytes the
            // hash joins spill to disk (measured over a million payments: 16 batches, each written and read back). A
            // run plans once a day on one connection, so it may hold a few hundred megabytes for this one transaction;
            // larger runs still spill, only later.
            if (!planWorkMem.isEmpty()) {
                jdbc.sql("set local work_mem = '" + planWorkMem + "'").update();
            }
            // The grouping key is the payment for a line and the merchant for a range, so the planner must expect as
            // many groups as payments and sorts them all to group them (measured: a fifth of the statement over a
            // million payments), when nearly all of them fold into a thousand ranges: hashing costs nothing like it.
            jdbc.sql("set local enable_sort = off").update();
            // Every tracked payment is read, so every join is a hash join; estimated through the correlated lookups
            // above, the planner took the payments and their disputes one index probe at a time (measured: 3.4 s of a
            // 7.8 s statement over a million payments). Lookups of a payment's range, own line or delivery are not joins.
            jdbc.sql("set local enable_nestloop = off").update();
        }
        int written = jdbc.sql(sql).params(params).update();
        if (database.postgres()) {
            // the run's other statements in this transaction are small and many: compiling each would cost more than it runs
            jdbc.sql("set local jit = off").update();
        }
        return written - dropNeedlessMarkers(run);
    }

    /**
     * Takes back the run's lines that move nothing and keep their payment out of no range: lines of a first-time
     * payment of a merchant and currency the run wrote no range for, and which no earlier range ends after (so the
     * payment is not one an earlier range's run read). Without this, a merchant whose every due payment had changed
     * since capture, and so never had a range, got such a line for each of them again in every run. A later run that
     * writes the merchant's range reads these payments as first-time ones again and gives them their line then.
     *
     * @return how many lines it took back
     */
    private int dropNeedlessMarkers(UUID run) {
        return jdbc.sql("""
                delete from settlement_lines
                where run_id = ? and payments is null and reserve_withheld is null and released is null
                  and reserve_released is null and recovered is null
                  and not exists (select 1 from settlement_lines g
                    where g.merchant_id = settlement_lines.merchant_id and g.currency = settlement_lines.currency
                      and g.payments is not null
                      and (g.run_id = settlement_lines.run_id or g.captured_to > (select sp.captured_at from settlement_payments sp
                        where sp.payment_id = settlement_lines.payment_id)))""")
                .param(run).update();
    }

    /**
     * Every tracked payment (those {@code where} picks) with its running totals,
     * whether it still holds exactly what it held when tracked ({@code clean}),
     * and what settlement has moved for it so far, over every run: the amounts of its lines whose posting (run,
     * merchant, currency, kind) is POSTED, plus, when a run released it within a range and gave it no line of its own,
     * what that range moved for it (W and D from what it held when tracked, at the range's reserve rate; V200), as far
     * as the range's postings are POSTED. Also its number of lines of any status ({@code lines}) and where its
     * merchant's last range ended ({@code range_from}), which is where the next range may begin.
     *
     * <p>Finding a payment's range: most payments a run reads again were released within a range long ago and have
     * not changed since. A run gives a line (with no amount if it moves nothing) to every payment it reads that was
     * captured before its merchant's last range ended, has no line and is in no range ({@code unmarked}), as it does
     * to a first-time payment it leaves out of its range. So a payment captured before the last range ended, with no
     * line of its own and tracked by that range's horizon (so the run that wrote it read it, as a due payment), is in
     * one of its merchant's ranges. When every range of its merchant in that currency was POSTED and none withheld a
     * reserve, and it reserved nothing itself, it is credited with its whole net amount as when tracked without
     * looking its range up ({@code in_range}). Any other payment captured before the last range ended is matched to
     * the first of its merchant's ranges in its currency ending after its capture, by one probe of the range index
     * ({@code range_to}); the range row with its postings' outcome then comes by a hash join on a small table
     * (measured over a million released payments: three probes per payment took 21 s, one 7 s). The range is the
     * payment's only when that run gave it no line of its own, which only a payment with lines can have had: for
     * those alone, one more probe, of the lines' key, as part of the join.
     *
     * <p>Running totals: a payment not marked changed since it was tracked (V201, marked in the transaction of the
     * change) holds its snapshot, which stands in for them; only marked payments are looked up in
     * {@code payment_settlement_amounts}, the two kinds read as two branches of one {@code union all}. A run over a
     * million unchanged payments reads no payment row (measured: joining the payments was 0.2 s of a 2.1 s plan even
     * with nothing to join, and the whole join most of the plain aggregation's own time).
     *
     * @param where a condition on the tracked payment {@code u}, starting with {@code and} (or empty); it appears
     *              twice, once per branch, and so do its parameters
     */
    static String movedSoFar(String where) {
        return """
                select q.payment_id, q.merchant_id, q.currency, q.captured_at, q.order_reference, q.seq, q.snap_captured,
                  q.snap_fees, q.snap_reserved, q.range_from, q.lines, q.clean, q.captured, q.fees, q.reserved, q.refunded, q.dispute_from_pending, q.dispute_from_reserve,
                  q.moved_settled + case when q.in_range = 1 then q.snap_captured - q.snap_fees - q.snap_reserved
                    when r.run_id is not null and r.released = 1
                    then q.snap_captured - q.snap_fees - q.snap_reserved - %2$s else 0 end as settled,
                  q.moved_withheld + case when q.in_range = 0 and r.run_id is not null and r.withheld = 1
                    then %2$s else 0 end as reserve_withheld,
                  q.moved_reserve_released as reserve_released,
                  case when q.old = 1 and q.lines = 0 and q.in_range = 0 and r.run_id is null
                    then 1 else 0 end as unmarked
                from (
                  select c.*, case when %5$s then 1 else 0 end as in_range,
                    case when c.old = 1 and not (%5$s) then (select min(f.captured_to) from settlement_lines f
                      where f.merchant_id = c.merchant_id and f.currency = c.currency and f.captured_to > c.captured_at)
                    end as range_to
                  from (
                      select sp.payment_id, sp.merchant_id, sp.currency, sp.captured_at, sp.order_reference, sp.seq,
                        sp.snap_captured, sp.snap_fees, sp.snap_reserved, sp.captured, sp.fees, sp.reserved, sp.refunded,
                        sp.dispute_from_pending, sp.dispute_from_reserve, sp.clean,
                        cur.captured_to as range_from, cur.seq_to as ranges_seq, cur.posted as ranges_posted,
                        cur.basis_points as ranges_basis_points,
                        case when sp.captured_at < cur.captured_to then 1 else 0 end as old,
                        coalesce(m.lines, 0) as lines, coalesce(m.settled, 0) as moved_settled,
                        coalesce(m.reserve_withheld, 0) as moved_withheld, coalesce(m.reserve_released, 0) as moved_reserve_released
                      from (
                        select u.payment_id, u.merchant_id, u.currency, u.captured_at, u.order_reference, u.seq,
                          u.snap_captured, u.snap_fees, u.snap_reserved, u.snap_captured as captured, u.snap_fees as fees,
                          u.snap_reserved as reserved, cast(0 as bigint) as refunded, cast(0 as bigint) as dispute_from_pending,
                          cast(0 as bigint) as dispute_from_reserve, 1 as clean
                        from settlement_payments u
                        where u.amounts_changed = false %1$s
                        union all
                        select u.payment_id, u.merchant_id, u.currency, u.captured_at, u.order_reference, u.seq,
                          u.snap_captured, u.snap_fees, u.snap_reserved, a.captured, a.fees_acquirer + a.fees_platform,
                          a.reserved, a.refunded, a.dispute_from_pending, a.dispute_from_reserve,
                          case when %6$s then 1 else 0 end
                        from settlement_payments u
                        join payment_settlement_amounts a on a.payment_id = u.payment_id
                        where u.amounts_changed = true %1$s
                      ) sp
                      left join (
                        select g.merchant_id, g.currency, max(g.captured_to) as captured_to, max(g.seq_to) as seq_to,
                          max(g.reserve_basis_points) as basis_points, min(coalesce(rs.released, 0)) as posted
                        from settlement_lines g
                        left join (%4$s) rs on rs.run_id = g.run_id and rs.merchant_id = g.merchant_id and rs.currency = g.currency
                        where g.payments is not null group by g.merchant_id, g.currency
                      ) cur on cur.merchant_id = sp.merchant_id and cur.currency = sp.currency
                      left join (%3$s) m on m.payment_id = sp.payment_id
                      offset 0 rows
                  ) c
                  offset 0 rows
                ) q
                left join (
                  select g.run_id, g.merchant_id, g.currency, g.captured_from, g.captured_to, g.seq_to, g.reserve_basis_points,
                    coalesce(rs.released, 0) as released, coalesce(rs.withheld, 0) as withheld
                  from settlement_lines g
                  left join (%4$s) rs on rs.run_id = g.run_id and rs.merchant_id = g.merchant_id and rs.currency = g.currency
                  where g.payments is not null
                ) r on r.merchant_id = q.merchant_id and r.currency = q.currency and r.captured_to = q.range_to
                  and r.captured_from <= q.captured_at and r.seq_to >= q.seq
                  and (q.lines = 0 or not exists (select 1 from settlement_lines ol where ol.run_id = r.run_id
                    and ol.merchant_id = q.merchant_id and ol.currency = q.currency and ol.payment_id = q.payment_id))"""
                .formatted(where, RANGE_WITHHELD.formatted("q", "r"), MOVED, POSTED_KINDS, IN_RANGE, HOLDS_SNAPSHOT.formatted("a", "u"));
    }

    /** Of {@link #movedSoFar}'s payments ({@code c}), one settled within a range with nothing withheld, without a lookup. */
    private static final String IN_RANGE = """
            c.old = 1 and c.lines = 0 and c.clean = 1 and c.snap_reserved = 0 and c.snap_captured - c.snap_fees > 0
              and c.seq <= c.ranges_seq and c.ranges_posted = 1 and c.ranges_basis_points = 0""";

    /**
     * What a range withheld for one of its payments: {@code max(0, min(T, max(0, P)))} from what the payment held
     * when tracked ({@code %1$s}) at the range's ({@code %2$s}) reserve rate; the range released {@code P} less this.
     */
    /**
     * The payment's running totals ({@code %1$s}, of {@code payment_settlement_amounts}) are still what it held when it
     * was tracked ({@code %2$s}, of {@code settlement_payments}): no refund, no dispute standing, nothing captured since.
     */
    private static final String HOLDS_SNAPSHOT = """
            %1$s.captured = %2$s.snap_captured and %1$s.fees_acquirer + %1$s.fees_platform = %2$s.snap_fees
              and %1$s.reserved = %2$s.snap_reserved and %1$s.refunded = 0 and %1$s.dispute_from_pending = 0
              and %1$s.dispute_from_reserve = 0""";

    private static final String RANGE_WITHHELD = """
            greatest(0, least(%1$s.snap_captured * %2$s.reserve_basis_points / 10000 - %1$s.snap_reserved,
              greatest(0, %1$s.snap_captured - %1$s.snap_fees - %1$s.snap_reserved)))""";

    /** Per run, merchant and currency: 1 for each kind whose posting is POSTED. */
    private static final String POSTED_KINDS = """
            select run_id, merchant_id, currency,
              max(case when kind = 'RELEASE' then 1 else 0 end) as released,
              max(case when kind = 'RECOVERY' then 1 else 0 end) as recovered,
              max(case when kind = 'RESERVE_WITHHOLD' then 1 else 0 end) as withheld,
              max(case when kind = 'RESERVE_RELEASE' then 1 else 0 end) as reserve_released
            from settlement_postings where status = 'POSTED' group by run_id, merchant_id, currency""";

    /**
     * What settlement has moved per payment by its own lines: the sum of its lines' amounts of every kind whose
     * posting (run, merchant, currency, kind) is POSTED, over every run; and how many lines it has, whatever their
     * postings' status. Range rows are not lines of a payment.
     */
    private static final String MOVED = """
            select l.payment_id, count(*) as lines,
              cast(sum(coalesce(s.released, 0) * coalesce(l.released, 0) - coalesce(s.recovered, 0) * coalesce(l.recovered, 0)) as bigint) as settled,
              cast(sum(coalesce(s.withheld, 0) * coalesce(l.reserve_withheld, 0)) as bigint) as reserve_withheld,
              cast(sum(coalesce(s.reserve_released, 0) * coalesce(l.reserve_released, 0)) as bigint) as reserve_released
            from settlement_lines l left join (""" + POSTED_KINDS + """
            ) s on s.run_id = l.run_id and s.merchant_id = l.merchant_id and s.currency = l.currency
            where l.payments is null
            group by l.payment_id""";

    /**
     * {@code case <key> when ? then ? … end}: the instant for the row's calendar (and days), from a few values
     * computed in Java ({@link ReleasePlanner}); null for a key not in the map, which releases nothing.
     */
    private static String byKey(String keyExpression, Map<String, Instant> instants, List<Object> params, Object... keyParams) {
        if (instants.isEmpty()) {
            return "cast(null as timestamp with time zone)";
        }
        if (instants.size() == 1) {
            // one calendar and term for everyone (no merchant has terms of its own): a plain bound the planner can
            // estimate from the column's statistics, so that it joins a million rows by hash, not one by one
            params.add(ts(instants.values().iterator().next()));
            return "cast(? as timestamp with time zone)";
        }
        params.addAll(List.of(keyParams));
        var sql = new StringBuilder("(case ").append(keyExpression);
        instants.forEach((key, at) -> {
            sql.append(" when ? then cast(? as timestamp with time zone)");
            params.add(key);
            params.add(ts(at));
        });
        return sql.append(" end)").toString();
    }

    /** The run's lines and ranges summed per merchant, currency and kind; a range counts its payments. */
    List<LineSum> lineSums(UUID run) {
        List<LineSum> sums = new java.util.ArrayList<>();
        jdbc.sql("""
                select merchant_id, currency,
                  sum(reserve_withheld) as reserve_withheld,
                  sum(case when reserve_withheld is not null then coalesce(payments, 1) else 0 end) as withhold_count,
                  sum(released) as released, sum(case when released is not null then coalesce(payments, 1) else 0 end) as release_count,
                  sum(reserve_released) as reserve_released, count(reserve_released) as reserve_release_count,
                  sum(recovered) as recovered, count(recovered) as recovery_count
                from settlement_lines where run_id = ? group by merchant_id, currency""")
                .param(run)
                .query(rs -> {
                    UUID merchant = rs.getObject("merchant_id", UUID.class);
                    String currency = rs.getString("currency");
                    sum(sums, merchant, currency, ReleasePlanner.Kind.RESERVE_WITHHOLD, rs.getLong("reserve_withheld"), rs.getInt("withhold_count"));
                    sum(sums, merchant, currency, ReleasePlanner.Kind.RELEASE, rs.getLong("released"), rs.getInt("release_count"));
                    sum(sums, merchant, currency, ReleasePlanner.Kind.RESERVE_RELEASE, rs.getLong("reserve_released"),
                            rs.getInt("reserve_release_count"));
                    sum(sums, merchant, currency, ReleasePlanner.Kind.RECOVERY, rs.getLong("recovered"), rs.getInt("recovery_count"));
                });
        return sums;
    }

    private static void sum(List<LineSum> sums, UUID merchant, String currency, ReleasePlanner.Kind kind, long amount, int count) {
        if (count > 0) {
            sums.add(new LineSum(merchant, currency, kind, amount, count));
        }
    }

    /** A merchant's reserve given back in the run's lines of one currency, in payment order: [payment id, amount]. */
    List<Map.Entry<UUID, Long>> reserveReleaseLines(UUID run, UUID merchant, String currency) {
        return jdbc.sql("""
                select payment_id, reserve_released from settlement_lines
                where run_id = ? and merchant_id = ? and currency = ? and reserve_released is not null order by payment_id""")
                .params(run, merchant, currency)
                .query((rs, n) -> Map.entry(rs.getObject("payment_id", UUID.class), rs.getLong("reserve_released"))).list();
    }

    /**
     * Lowers the reserve a planned line gives back to {@code amount}, or takes it out at 0 (the reserve account holds
     * no more). A line left with no amount stays: it may be what keeps its payment out of the run's range (V200).
     */
    void capReserveRelease(UUID run, UUID merchant, String currency, UUID payment, long amount) {
        String where = " where run_id = ? and merchant_id = ? and currency = ? and payment_id = ?";
        if (amount <= 0) {
            jdbc.sql("update settlement_lines set reserve_released = null" + where).params(run, merchant, currency, payment).update();
        } else {
            jdbc.sql("update settlement_lines set reserve_released = ?" + where).params(amount, run, merchant, currency, payment).update();
        }
    }

    /**
     * Drops a merchant's lines and range of the run in one currency (below its minimum payout: they wait for the next
     * run, whose range begins where the merchant's last one ended).
     */
    void dropLines(UUID run, UUID merchant, String currency) {
        jdbc.sql("delete from settlement_lines where run_id = ? and merchant_id = ? and currency = ?")
                .params(run, merchant, currency).update();
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

    /** A take of the run's netting hook ({@link org.finbridge.settlement.SettlementSweeps}): moved with its merchant's RELEASE posting. */
    record StoredSweep(UUID runId, UUID merchantId, String currency, int seq, UUID accountId, long amount, String reference,
                       UUID transferId) {
    }

    void insertSweeps(List<StoredSweep> sweeps) {
        if (sweeps.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                insert into settlement_sweeps (run_id, merchant_id, currency, seq, account_id, amount, reference, transfer_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", sweeps, sweeps.size(), (ps, w) -> {
                    ps.setObject(1, w.runId());
                    ps.setObject(2, w.merchantId());
                    ps.setString(3, w.currency());
                    ps.setInt(4, w.seq());
                    ps.setObject(5, w.accountId());
                    ps.setLong(6, w.amount());
                    ps.setString(7, w.reference());
                    ps.setObject(8, w.transferId());
                });
    }

    /** The run's takes per merchant and currency ({@code <merchant>:<currency>}), in order. */
    Map<String, List<StoredSweep>> sweeps(UUID run) {
        Map<String, List<StoredSweep>> out = new java.util.HashMap<>();
        jdbc.sql("select * from settlement_sweeps where run_id = ? order by merchant_id, currency, seq").param(run)
                .query((rs, n) -> new StoredSweep(rs.getObject("run_id", UUID.class), rs.getObject("merchant_id", UUID.class),
                        rs.getString("currency"), rs.getInt("seq"), rs.getObject("account_id", UUID.class), rs.getLong("amount"),
                        rs.getString("reference"), rs.getObject("transfer_id", UUID.class)))
                .list().forEach(w -> out.computeIfAbsent(w.merchantId() + ":" + w.currency(), k -> new java.util.ArrayList<>()).add(w));
        return out;
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
        recordPostings(List.of(new Outcome(p, posted, result)));
    }

    /** The ledger's answer for one posting: POSTED, or REFUSED with the reason. */
    record Outcome(StoredPosting posting, boolean posted, String result) {
    }

    /** {@link #recordPosting} for many postings, sent to the database as one batch (one round trip). */
    void recordPostings(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                update settlement_postings set status = ?, result = ?
                where run_id = ? and merchant_id = ? and currency = ? and kind = ? and status = 'PENDING'""",
                outcomes, outcomes.size(), (ps, o) -> {
                    ps.setString(1, o.posted() ? "POSTED" : "REFUSED");
                    ps.setString(2, o.result());
                    ps.setObject(3, o.posting().runId());
                    ps.setObject(4, o.posting().merchantId());
                    ps.setString(5, o.posting().currency());
                    ps.setString(6, o.posting().kind().name());
                });
    }

    // --- statements

    /** Writes one statement per merchant and currency from the run's postings (few rows: one per merchant and kind). */
    void writeStatements(UUID run, java.time.Clock clock) {
        record Totals(UUID merchant, String currency, long released, long recovered, long withheld, long reserveReleased,
                      long lines, long refused, long netted, long swept) {
        }
        List<Totals> totals = jdbc.sql("""
                select merchant_id, currency,
                  sum(case when kind = 'RELEASE' and status = 'POSTED' then amount else 0 end) as released,
                  sum(case when kind = 'RECOVERY' and status = 'POSTED' then amount else 0 end) as recovered,
                  sum(case when kind = 'RESERVE_WITHHOLD' and status = 'POSTED' then amount else 0 end) as withheld,
                  sum(case when kind = 'RESERVE_RELEASE' and status = 'POSTED' then amount else 0 end) as reserve_released,
                  sum(line_count) as line_count,
                  sum(case when status = 'REFUSED' then line_count else 0 end) as refused_count,
                  sum(case when status = 'POSTED' and netted_into is not null then amount else 0 end) as netted,
                  sum(case when kind = 'RELEASE' and status = 'POSTED' then coalesce((select sum(w.amount) from settlement_sweeps w
                    where w.run_id = p.run_id and w.merchant_id = p.merchant_id and w.currency = p.currency), 0) else 0 end) as swept
                from settlement_postings p where run_id = ? group by merchant_id, currency order by merchant_id, currency""")
                .param(run)
                .query((rs, n) -> new Totals(rs.getObject("merchant_id", UUID.class), rs.getString("currency"),
                        rs.getLong("released"), rs.getLong("recovered"), rs.getLong("withheld"), rs.getLong("reserve_released"),
                        rs.getLong("line_count"), rs.getLong("refused_count"), rs.getLong("netted"), rs.getLong("swept")))
                .list();
        Timestamp now = ts(clock.instant());
        int perInsert = 500;
        for (int from = 0; from < totals.size(); from += perInsert) {
            List<Totals> part = totals.subList(from, Math.min(totals.size(), from + perInsert));
            var sql = new StringBuilder("""
                    insert into settlement_statements (id, run_id, merchant_id, currency, released, recovered, reserve_withheld,
                    reserve_released, net_to_available, line_count, refused_count, created_at, netted, swept) values """);
            List<Object> params = new java.util.ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                Totals t = part.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                params.addAll(List.of(TimeOrderedIds.next(clock), run, t.merchant(), t.currency(), t.released(), t.recovered(),
                        t.withheld(), t.reserveReleased(), t.released() - t.recovered() + t.reserveReleased() - t.swept(),
                        Math.toIntExact(t.lines()), Math.toIntExact(t.refused()), now, t.netted(), t.swept()));
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
                        rs.getLong("reserve_released"), rs.getLong("net_to_available"), rs.getLong("netted"),
                        rs.getLong("swept"), List.of(), List.of(), instant(rs, "created_at")))
                .list().stream().limit(limit).toList();
        return heads.stream().map(s -> new SettlementStatement(s.id(), s.runId(), s.merchantId(), s.currency(), s.released(),
                s.recovered(), s.reserveWithheld(), s.reserveReleased(), s.netToAvailable(), s.netted(), s.swept(),
                jdbc.sql("""
                        select w.reference, w.amount, w.transfer_id, p.status from settlement_sweeps w
                        join settlement_postings p on p.run_id = w.run_id and p.merchant_id = w.merchant_id
                          and p.currency = w.currency and p.kind = 'RELEASE'
                        where w.run_id = ? and w.merchant_id = ? and w.currency = ? order by w.seq""")
                        .params(s.runId().value(), merchant, s.currency())
                        .query((rs, n) -> new SettlementStatement.Take(rs.getString("reference"), rs.getLong("amount"),
                                TimeOrderedIds.format("tr", rs.getObject("transfer_id", UUID.class)), rs.getString("status")))
                        .list(),
                jdbc.sql(STATEMENT_LINES).params(s.runId().value(), merchant, s.currency(), s.runId().value(), merchant, s.currency())
                        .query((rs, n) -> new SettlementStatement.Line(new PaymentId(rs.getObject("payment_id", UUID.class)),
                                rs.getString("kind"), rs.getLong("amount"),
                                TimeOrderedIds.format("tr", rs.getObject("transfer_id", UUID.class)), rs.getString("status"),
                                rs.getString("result")))
                        .list(),
                s.createdAt())).toList();
    }

    /**
     * A merchant's statement lines of one run and currency: its payments' own lines, and the payments of its range
     * (V200) with what the range moved for each, each with the posting it moved in.
     */
    private static final String STATEMENT_LINES = """
            select x.payment_id, x.kind, x.amount, s.transfer_id, s.status, s.result from (
              select l.payment_id, l.run_id, l.merchant_id, l.currency, k.kind,
                case k.kind when 'RESERVE_WITHHOLD' then l.reserve_withheld when 'RELEASE' then l.released
                  when 'RESERVE_RELEASE' then l.reserve_released else l.recovered end as amount
              from settlement_lines l
              cross join (values ('RESERVE_WITHHOLD'), ('RELEASE'), ('RESERVE_RELEASE'), ('RECOVERY')) as k (kind)
              where l.run_id = ? and l.merchant_id = ? and l.currency = ? and l.payments is null
              union all
              select sp.payment_id, r.run_id, r.merchant_id, r.currency, k.kind,
                case k.kind when 'RESERVE_WITHHOLD' then %1$s
                  else sp.snap_captured - sp.snap_fees - sp.snap_reserved - %1$s end as amount
              from settlement_lines r
              join settlement_payments sp on sp.merchant_id = r.merchant_id and sp.currency = r.currency
                and sp.captured_at >= r.captured_from and sp.captured_at < r.captured_to and sp.seq <= r.seq_to
              cross join (values ('RESERVE_WITHHOLD'), ('RELEASE')) as k (kind)
              where r.run_id = ? and r.merchant_id = ? and r.currency = ? and r.payments is not null
                and not exists (select 1 from settlement_lines l where l.run_id = r.run_id and l.merchant_id = r.merchant_id
                  and l.currency = r.currency and l.payment_id = sp.payment_id)
            ) x
            join settlement_postings s on s.run_id = x.run_id and s.merchant_id = x.merchant_id
              and s.currency = x.currency and s.kind = x.kind
            where x.amount > 0
            order by x.payment_id, x.kind""".formatted(RANGE_WITHHELD.formatted("sp", "r"));

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
