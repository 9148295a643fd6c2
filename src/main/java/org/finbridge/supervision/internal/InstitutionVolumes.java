package org.finbridge.supervision.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each licensed institution's captured volume per Beijing day and currency, against its licence's daily limit
 * (regulations notes §2), kept as {@link ReceiptTotals} keeps sellers' receipts: a capture adds a row of its own
 * ({@code supervision_institution_volume_deltas}) in the payment's transaction, a pass off the payment's path
 * ({@link TotalsRollup}) folds the rows into the day's running total and deletes exactly those, and a day's volume
 * is read as the running total plus the pending rows. The day's row used to be updated by every payment carried by
 * the institution, that is by every payment of the connectors it operates, whichever the seller: its lock, held to
 * each payment's commit, would have made those payments run one at a time.
 */
@Component
class InstitutionVolumes {

    /** Pending rows folded per transaction. */
    static final int BATCH = 500;

    /** A day's volume of an institution in one currency, in minor units. */
    record Sum(String currency, long minor) {
    }

    /** An institution's day whose volume a fold changed. */
    record Day(PartyId institution, LocalDate day) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RunningTotals totals;
    private final TransactionTemplate fold;

    InstitutionVolumes(JdbcClient jdbc, JdbcTemplate batch, RunningTotals totals, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.totals = totals;
        this.fold = new TransactionTemplate(transactions);
        this.fold.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** In the payment's transaction: adds a captured amount to the institution's day. */
    void add(PartyId institution, LocalDate day, Money amount) {
        jdbc.sql("""
                insert into supervision_institution_volume_deltas (institution_id, captured_on, currency, captured_minor)
                values (?, ?, ?, ?)""")
                .params(institution.value(), day, amount.currency().code(), amount.minorUnits()).update();
    }

    /** The institution's volume of the day per currency: the running totals plus what is pending, in one statement. */
    List<Sum> ofDay(PartyId institution, LocalDate day) {
        return jdbc.sql("""
                select currency, sum(captured_minor) as total from (
                  select currency, captured_minor from supervision_institution_volumes where institution_id = ? and captured_on = ?
                  union all
                  select currency, captured_minor from supervision_institution_volume_deltas where institution_id = ? and captured_on = ?
                ) v group by currency""")
                .params(institution.value(), day, institution.value(), day)
                .query((rs, n) -> new Sum(rs.getString("currency"), rs.getLong("total"))).list();
    }

    /**
     * Folds pending rows into the days' running totals, a batch per transaction, until none is left unlocked.
     *
     * @return the institutions' days whose totals changed, for the caller to check against their limits
     */
    List<Day> foldPending() {
        List<Day> changed = new ArrayList<>();
        while (true) {
            Batch b = fold.execute(status -> foldBatch());
            if (b == null) {
                return changed;
            }
            b.days().stream().filter(d -> !changed.contains(d)).forEach(changed::add);
            if (b.read() < BATCH) {
                return changed;
            }
        }
    }

    private record Batch(int read, List<Day> days) {
    }

    private record Pending(long id, UUID institution, LocalDate day, String currency, long minor) {
    }

    private Batch foldBatch() {
        List<Pending> rows = PendingRows.take(jdbc, batch, "supervision_institution_volume_deltas",
                "id, institution_id, captured_on, currency, captured_minor", BATCH,
                (rs, n) -> new Pending(rs.getLong("id"), rs.getObject("institution_id", UUID.class),
                        rs.getObject("captured_on", LocalDate.class), rs.getString("currency"), rs.getLong("captured_minor")),
                Pending::id);
        if (rows.isEmpty()) {
            return new Batch(0, List.of());
        }
        record Key(UUID institution, LocalDate day, String currency) {
        }
        Map<Key, long[]> sums = new LinkedHashMap<>();
        for (Pending r : rows) {
            sums.computeIfAbsent(new Key(r.institution(), r.day(), r.currency()), k -> new long[1])[0] += r.minor();
        }
        // in a fixed order, so that two nodes folding rows of the same days lock their rows alike
        List<Key> keys = new ArrayList<>(sums.keySet());
        keys.sort(java.util.Comparator.comparing(Key::institution).thenComparing(Key::day).thenComparing(Key::currency));
        List<Day> days = new ArrayList<>();
        for (Key k : keys) {
            long minor = sums.get(k)[0];
            totals.add("""
                    update supervision_institution_volumes set captured_minor = captured_minor + ?
                    where institution_id = ? and captured_on = ? and currency = ?""",
                    List.of(minor, k.institution(), k.day(), k.currency()), """
                    insert into supervision_institution_volumes (institution_id, captured_on, currency, captured_minor)
                    values (?, ?, ?, ?)""", List.of(k.institution(), k.day(), k.currency(), minor));
            Day d = new Day(new PartyId(k.institution()), k.day());
            if (!days.contains(d)) {
                days.add(d);
            }
        }
        return new Batch(rows.size(), days);
    }
}
