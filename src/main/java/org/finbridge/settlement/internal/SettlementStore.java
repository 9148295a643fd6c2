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
    private volatile Boolean postgres;

    SettlementStore(JdbcClient jdbc, JdbcTemplate batch,
                    @Value("${finbridge.settlement.plan-work-mem:256MB}") String planWorkMem) {
        this.jdbc = jdbc;
        this.batch = batch;
        if (!planWorkMem.isEmpty() && !planWorkMem.matches("[1-9][0-9]{0,6}(kB|MB|GB)")) {
            throw new IllegalArgumentException("finbridge.settlement.plan-work-mem: a size such as 256MB, not " + planWorkMem);
        }
        this.planWorkMem = planWorkMem;
    }

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            p = batch.execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql"));
            postgres = p;
        }
        return p;
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

    /** A tracked payment with its delivery and what settlement has moved for it so far (its lines in posted postings). */
    Optional<ReleasePlanner.Tracked> tracked(UUID payment) {
        return jdbc.sql("""
                select p.payment_id, p.merchant_id, p.currency, p.captured_at,
                  coalesce(d.delivered_at, o.delivered_at) as delivered_at,
                  coalesce(m.settled, 0) as settled, coalesce(m.reserve_withheld, 0) as reserve_withheld,
                  coalesce(m.reserve_released, 0) as reserve_released
                from settlement_payments p
                left join settlement_deliveries d on d.payment_id = p.payment_id
                left join settlement_order_deliveries o on o.merchant_id = p.merchant_id and o.order_reference = p.order_reference
                left join (""" + MOVED + ") m on m.payment_id = p.payment_id where p.payment_id = ?")
                .param(payment)
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

    /**
     * Writes the run's lines for every tracked payment its policy releases, in one INSERT … SELECT: the database
     * reads the payments' running totals ({@code payment_settlement_amounts}), what settlement moved for each
     * before (its lines in posted postings) and the policy, and writes one line per payment with its amount of
     * each kind (null where the payment has none of that kind), in key order (run, merchant, payment) so that the
     * key's index grows at its end instead of splitting pages all over (see V111). The {@code offset 0 rows} fences
     * keep each intermediate amount computed once per payment: flattened, every use of {@code net_pending} and
     * {@code withhold} was evaluated again in the outer expressions. For a
     * payment with net pending money {@code P} (captured less fees, reserve, refunds and a standing dispute's
     * share taken from pending) and a policy reserve target {@code T} (captured × basis points / 10,000, rounded
     * down, less what payments reserved at capture):
     * <ul>
     *   <li>RESERVE_WITHHOLD {@code W = max(0, min(T, max(0, P)) − withheld before)}: topped up, never withheld twice;</li>
     *   <li>RELEASE {@code D = P − (withheld before + W) − settled before}, when positive;</li>
     *   <li>RESERVE_RELEASE, once the reserve is due: {@code reserved + withheld before + W − a standing dispute's
     *       share taken from the reserve − reserve released before}, when positive;</li>
     *   <li>RECOVERY {@code −D} when D is negative (a refund or chargeback after the release).</li>
     * </ul>
     * The reserve a merchant may get back is capped afterwards by what its reserve account holds, and the
     * minimum payout applied per merchant ({@code SettlementRuns}): both read the few per-merchant sums only.
     *
     * @return the number of lines written (payments with at least one line)
     */
    int planLines(UUID run, PlanTerms terms) {
        List<Object> params = new java.util.ArrayList<>();
        params.add(run);
        SettlementPolicy standard = terms.standard();
        String calendar = "coalesce(pol.calendar_code, ?)";
        String reserveDue = byKey(calendar + " || ':' || cast(coalesce(pol.reserve_days, ?) as varchar)",
                terms.reserveDueBefore(), params, standard.calendar(), standard.reserveDays());
        params.add(standard.reserveBasisPoints());
        params.add(standard.mode().name());
        String delivered = byKey(calendar, terms.deliveredBefore(), params, standard.calendar());
        params.add(standard.mode().name());
        String released = byKey(calendar + " || ':' || cast(coalesce(pol.holding_days, ?) as varchar)",
                terms.releasedBefore(), params, standard.calendar(), standard.holdingDays());
        String sql = """
                insert into settlement_lines (run_id, merchant_id, payment_id, currency, reserve_withheld, released,
                  reserve_released, recovered)
                select ?, b.merchant_id, b.payment_id, b.currency,
                  case when b.withhold > 0 then b.withhold end, case when b.delta > 0 then b.delta end,
                  case when b.reserve_owed > 0 then b.reserve_owed end, case when b.delta < 0 then 0 - b.delta end
                  from (
                    select w.payment_id, w.merchant_id, w.currency, w.withhold,
                      w.net_pending - w.withheld_before - w.withhold - w.settled as delta,
                      case when w.reserve_due = 1 then w.reserved + w.withheld_before + w.withhold - w.dispute_from_reserve
                        - w.reserve_released else 0 end as reserve_owed
                    from (
                      select x.*, greatest(0, least(x.target, greatest(0, x.net_pending)) - x.withheld_before) as withhold
                      from (
                        select sp.payment_id, sp.merchant_id, sp.currency, a.reserved, a.dispute_from_reserve,
                          a.captured - a.fees_acquirer - a.fees_platform - a.reserved - a.refunded - a.dispute_from_pending as net_pending,
                          coalesce(m.settled, 0) as settled, coalesce(m.reserve_withheld, 0) as withheld_before,
                          coalesce(m.reserve_released, 0) as reserve_released,
                          case when sp.captured_at < %s then 1 else 0 end as reserve_due,
                          a.captured * coalesce(pol.reserve_basis_points, ?) / 10000 - a.reserved as target
                        from settlement_payments sp
                        join payment_settlement_amounts a on a.payment_id = sp.payment_id
                        left join settlement_policies pol on pol.merchant_id = sp.merchant_id
                        left join settlement_deliveries d on d.payment_id = sp.payment_id
                        left join settlement_order_deliveries o on o.merchant_id = sp.merchant_id
                          and o.order_reference = sp.order_reference
                        left join (%s) m on m.payment_id = sp.payment_id
                        where (coalesce(pol.release_mode, ?) = 'ON_DELIVERY' and coalesce(d.delivered_at, o.delivered_at) < %s)
                          or (coalesce(pol.release_mode, ?) <> 'ON_DELIVERY' and sp.captured_at < %s)
                        offset 0 rows
                      ) x
                      offset 0 rows
                    ) w
                  ) b
                where b.withhold > 0 or b.delta <> 0 or b.reserve_owed > 0
                order by b.merchant_id, b.payment_id""".formatted(reserveDue, MOVED, delivered, released);
        if (postgres()) {
            // PostgreSQL compiles a statement of this estimated cost with full JIT optimisation and inlining: seconds of
            // compilation before the first row, more than the evaluation it speeds up (measured: 3.5 s of a 17 s plan
            // over a million payments). For this transaction only.
            jdbc.sql("set local jit = off").update();
            // The statement hashes every released payment and sorts every line into key order. At the server's usual few
            // megabytes both spill to disk: the hash join in 16 batches, the sort as an external merge (measured over a
            // million payments: 1.2 s of sorting alone, each batch written and read back). A run plans once a day on one
            // connection, so it may hold a few hundred megabytes for this one transaction; larger runs still spill, only later.
            if (!planWorkMem.isEmpty()) {
                jdbc.sql("set local work_mem = '" + planWorkMem + "'").update();
            }
        }
        return jdbc.sql(sql).params(params).update();
    }

    /**
     * What settlement has moved per payment: the sum of its lines' amounts of every kind whose posting (run,
     * merchant, currency, kind) is POSTED, over every run.
     */
    private static final String MOVED = """
            select l.payment_id,
              cast(sum(s.released * coalesce(l.released, 0) - s.recovered * coalesce(l.recovered, 0)) as bigint) as settled,
              cast(sum(s.withheld * coalesce(l.reserve_withheld, 0)) as bigint) as reserve_withheld,
              cast(sum(s.reserve_released * coalesce(l.reserve_released, 0)) as bigint) as reserve_released
            from settlement_lines l join (
              select run_id, merchant_id, currency,
                max(case when kind = 'RELEASE' then 1 else 0 end) as released,
                max(case when kind = 'RECOVERY' then 1 else 0 end) as recovered,
                max(case when kind = 'RESERVE_WITHHOLD' then 1 else 0 end) as withheld,
                max(case when kind = 'RESERVE_RELEASE' then 1 else 0 end) as reserve_released
              from settlement_postings where status = 'POSTED' group by run_id, merchant_id, currency
            ) s on s.run_id = l.run_id and s.merchant_id = l.merchant_id and s.currency = l.currency
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

    /** The run's lines summed per merchant, currency and kind. */
    List<LineSum> lineSums(UUID run) {
        List<LineSum> sums = new java.util.ArrayList<>();
        jdbc.sql("""
                select merchant_id, currency, sum(reserve_withheld) as reserve_withheld, count(reserve_withheld) as withhold_count,
                  sum(released) as released, count(released) as release_count, sum(reserve_released) as reserve_released,
                  count(reserve_released) as reserve_release_count, sum(recovered) as recovered, count(recovered) as recovery_count
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
     * no more): a line left with no amount of any kind is dropped.
     */
    void capReserveRelease(UUID run, UUID merchant, String currency, UUID payment, long amount) {
        String where = " where run_id = ? and merchant_id = ? and payment_id = ? and currency = ?";
        if (amount <= 0) {
            jdbc.sql("delete from settlement_lines" + where
                            + " and reserve_withheld is null and released is null and recovered is null")
                    .params(run, merchant, payment, currency).update();
            jdbc.sql("update settlement_lines set reserve_released = null" + where).params(run, merchant, payment, currency).update();
        } else {
            jdbc.sql("update settlement_lines set reserve_released = ?" + where).params(amount, run, merchant, payment, currency).update();
        }
    }

    /** Drops a merchant's lines of the run in one currency (below its minimum payout: they wait for the next run). */
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
                jdbc.sql("""
                        select x.payment_id, x.kind, x.amount, s.transfer_id, s.status, s.result from (
                          select l.payment_id, l.run_id, l.merchant_id, l.currency, k.kind,
                            case k.kind when 'RESERVE_WITHHOLD' then l.reserve_withheld when 'RELEASE' then l.released
                              when 'RESERVE_RELEASE' then l.reserve_released else l.recovered end as amount
                          from settlement_lines l
                          cross join (values ('RESERVE_WITHHOLD'), ('RELEASE'), ('RESERVE_RELEASE'), ('RECOVERY')) as k (kind)
                          where l.run_id = ? and l.merchant_id = ? and l.currency = ?
                        ) x
                        join settlement_postings s on s.run_id = x.run_id and s.merchant_id = x.merchant_id
                          and s.currency = x.currency and s.kind = x.kind
                        where x.amount is not null
                        order by x.payment_id, x.kind""").params(s.runId().value(), merchant, s.currency())
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
