package org.finbridge.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.supervision.MerchantReceipts;
import org.finbridge.supervision.RuleBook;
import org.finbridge.supervision.Violations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sellers' annual goods-trade receipts in USD against SAFE's bands (regulations notes §2), kept without a row
 * that every payment of a seller locks.
 *
 * <p>A payment adds its receipt (or a refund takes it back) as a row of its own in
 * {@code supervision_receipt_deltas}, in the payment's transaction: an insert, which waits for no other
 * payment. The seller's year row ({@code supervision_merchant_receipts}) used to be updated by every payment
 * instead, and its lock, held until the payment committed, made a busy seller's payments run one at a time:
 * measured with 32 clients paying one seller on PostgreSQL, that update averaged 138 ms, almost all of it
 * waiting for the lock, and bounded the whole payment path at about 60 payments a second on two cores. A pass
 * off the payment's path ({@link TotalsRollup}) folds the pending rows into the year rows, a batch at a time,
 * and deletes exactly the rows it folded (locked with {@code SKIP LOCKED}, so two nodes fold disjoint rows and
 * each receipt is counted once).
 *
 * <p>A total is always the year row plus the seller's pending rows, read in one statement, so it is exact
 * whether or not the pass has run. Band changes are acted on twice, both idempotent: by the payment that finds
 * its seller's total in another band than the year row records (so the usual crossing is reported in the
 * payment's own transaction), and by the pass after it folds (for two concurrent payments that cross the
 * threshold together while each alone sees the total below it).
 */
@Component
class ReceiptTotals implements MerchantReceipts {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Pending rows folded per transaction. */
    static final int BATCH = 500;

    private static final String EXACT = """
            select (select usd_minor from supervision_merchant_receipts where merchant_id = ? and receipt_year = ?) as rolled,
              (select band from supervision_merchant_receipts where merchant_id = ? and receipt_year = ?) as band,
              (select sum(usd_minor) from supervision_receipt_deltas where merchant_id = ? and receipt_year = ?) as pending""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RuleBook rules;
    private final Breaches breaches;
    private final Violations violations;
    private final RunningTotals totals;
    private final Clock clock;
    private final TransactionTemplate fold;
    private final TransactionTemplate savepoint;

    ReceiptTotals(JdbcClient jdbc, JdbcTemplate batch, RuleBook rules, Breaches breaches, Violations violations,
                  RunningTotals totals, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.rules = rules;
        this.breaches = breaches;
        this.violations = violations;
        this.totals = totals;
        this.clock = clock;
        this.fold = new TransactionTemplate(transactions);
        this.fold.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** In the payment's transaction: adds a receipt (a negative amount for a refund) and reports a band it enters. */
    void add(PartyId merchant, LocalDate day, Money usdDelta) {
        int year = day.getYear();
        jdbc.sql("insert into supervision_receipt_deltas (merchant_id, receipt_year, usd_minor, received_on) values (?, ?, ?, ?)")
                .params(merchant.value(), year, usdDelta.minorUnits(), day).update();
        Exact now = exact(merchant.value(), year);
        Band band = band(new Money(now.total(), UsdValues.USD), day);
        // the year row's band is moved by the pass; until then, every payment of a seller that changed band finds
        // it different and reports it again, which records nothing twice
        if (!band.name().equals(now.recordedBand() == null ? Band.BELOW.name() : now.recordedBand())) {
            report(merchant, year, now.total(), band, day);
        }
    }

    private record Exact(long total, String recordedBand) {
    }

    private Exact exact(UUID merchant, int year) {
        return jdbc.sql(EXACT).params(merchant, year, merchant, year, merchant, year)
                .query((rs, n) -> new Exact(rs.getLong("rolled") + rs.getLong("pending"), rs.getString("band"))).single();
    }

    /**
     * Folds pending receipts into the sellers' year rows until none is left unlocked; each batch is its own
     * transaction. Called by {@link TotalsRollup}, off any payment's path.
     *
     * @return the number of pending rows folded
     */
    int foldPending() {
        int folded = 0;
        while (true) {
            Integer n = fold.execute(status -> foldBatch());
            folded += n == null ? 0 : n;
            if (n == null || n < BATCH) {
                return folded;
            }
        }
    }

    private record Pending(long id, UUID merchant, int year, long usdMinor, LocalDate day) {
    }

    private int foldBatch() {
        List<Pending> rows = PendingRows.take(jdbc, batch, "supervision_receipt_deltas",
                "id, merchant_id, receipt_year, usd_minor, received_on", BATCH,
                (rs, n) -> new Pending(rs.getLong("id"), rs.getObject("merchant_id", UUID.class), rs.getInt("receipt_year"),
                        rs.getLong("usd_minor"), rs.getObject("received_on", LocalDate.class)), Pending::id);
        if (rows.isEmpty()) {
            return 0;
        }
        record Key(UUID merchant, int year) {
        }
        Map<Key, long[]> sums = new LinkedHashMap<>();
        Map<Key, LocalDate> lastDay = new LinkedHashMap<>();
        for (Pending r : rows) {
            Key k = new Key(r.merchant(), r.year());
            sums.computeIfAbsent(k, x -> new long[1])[0] += r.usdMinor();
            lastDay.merge(k, r.day(), (a, b) -> a.isAfter(b) ? a : b);
        }
        // in a fixed order, so that two nodes folding rows of the same sellers lock their year rows alike
        List<Key> keys = new ArrayList<>(sums.keySet());
        keys.sort(java.util.Comparator.comparing(Key::merchant).thenComparing(Key::year));
        for (Key k : keys) {
            long delta = sums.get(k)[0];
            totals.add("update supervision_merchant_receipts set usd_minor = usd_minor + ? where merchant_id = ? and receipt_year = ?",
                    List.of(delta, k.merchant(), k.year()),
                    "insert into supervision_merchant_receipts (merchant_id, receipt_year, usd_minor, band) values (?, ?, ?, 'BELOW')",
                    List.of(k.merchant(), k.year(), delta));
            Exact now = exact(k.merchant(), k.year());
            LocalDate day = lastDay.get(k);
            Band band = band(new Money(now.total(), UsdValues.USD), day);
            if (!band.name().equals(now.recordedBand())) {
                // written when the seller changes band, a few times a year at most
                jdbc.sql("update supervision_merchant_receipts set band = ? where merchant_id = ? and receipt_year = ?")
                        .params(band.name(), k.merchant(), k.year()).update();
                report(new PartyId(k.merchant()), k.year(), now.total(), band, day);
            }
        }
        return rows.size();
    }

    /** Records a band the seller is in: a breach once per seller, year and band; a case once above the threshold. */
    private void report(PartyId merchant, int year, long totalUsdMinor, Band band, LocalDate day) {
        if (band == Band.BELOW) {
            return;
        }
        Money total = new Money(totalUsdMinor, UsdValues.USD);
        String kind = band == Band.WARNING ? Breaches.MERCHANT_WARNING_BAND : Breaches.MERCHANT_REGISTRATION_REQUIRED;
        String limitKey = band == Band.WARNING ? "cn_fx.merchant_warning_floor_usd" : "cn_fx.merchant_registration_trigger_usd";
        // once per seller, year and band: the reference is the band itself
        breaches.record(kind, merchant.toString(), year, total, usdRule(limitKey, day), band.name());
        if (band == Band.REGISTRATION_REQUIRED) {
            try {
                // under a savepoint: two payments of one seller (or a payment and the pass) may both open the year's case,
                // and the loser of that race must not abort the payment's transaction
                savepoint.executeWithoutResult(status -> violations.detect(merchant, "CN_FX_RECEIPTS_OVER_REGISTRATION_THRESHOLD",
                        "goods-trade receipts of " + year + " reached " + total + ", over the USD 200,000 threshold for the "
                                + "贸易外汇收支企业名录 (regulations notes §2)", "receipts-registration:" + merchant + ":" + year));
            } catch (DuplicateKeyException openedConcurrently) {
                // the year's case is open: all this wanted
            }
        }
    }

    /** SAFE's bands: over USD 200,000 registration; USD 180,000 up to 200,000 warning (regulations notes §2). */
    Band band(Money receipts, LocalDate day) {
        if (receipts.compareTo(usdRule("cn_fx.merchant_registration_trigger_usd", day)) > 0) {
            return Band.REGISTRATION_REQUIRED;
        }
        return receipts.compareTo(usdRule("cn_fx.merchant_warning_floor_usd", day)) >= 0 ? Band.WARNING : Band.BELOW;
    }

    private Money usdRule(String key, LocalDate day) {
        return new Money(rules.decimal(key, day).movePointRight(2).longValueExact(), UsdValues.USD);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BEIJING));
    }

    @Override
    public YearTotal of(PartyId merchant, int year) {
        long total = exact(merchant.value(), year).total();
        Money usd = new Money(total, UsdValues.USD);
        return new YearTotal(merchant, year, usd, band(usd, today()));
    }

    @Override
    public List<YearTotal> flagged(int year) {
        LocalDate today = today();
        long floor = Math.min(usdRule("cn_fx.merchant_warning_floor_usd", today).minorUnits(),
                usdRule("cn_fx.merchant_registration_trigger_usd", today).minorUnits() + 1);
        return jdbc.sql("""
                select merchant_id, sum(usd_minor) as usd_minor from (
                  select merchant_id, usd_minor from supervision_merchant_receipts where receipt_year = ?
                  union all
                  select merchant_id, usd_minor from supervision_receipt_deltas where receipt_year = ?
                ) t group by merchant_id having sum(usd_minor) >= ? order by usd_minor desc, merchant_id""")
                .params(year, year, floor)
                .query((rs, n) -> {
                    Money usd = new Money(rs.getLong("usd_minor"), UsdValues.USD);
                    return new YearTotal(new PartyId(rs.getObject("merchant_id", UUID.class)), year, usd, band(usd, today));
                })
                .list();
    }
}
