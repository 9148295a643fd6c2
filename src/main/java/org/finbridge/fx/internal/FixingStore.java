package org.finbridge.fx.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.finbridge.fx.EuroFixing;
import org.finbridge.money.CurrencyCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored fixings: {@code fx_fixings} (one row a day) and {@code fx_reference_rates} (one row a rate). */
@Component
class FixingStore {

    private static final int BATCH = 10_000;
    private static final CurrencyCode EUR = CurrencyCode.of("EUR");

    /** Two currencies' rates from one fixing day, with its source. */
    record Pair(LocalDate date, String source, BigDecimal basePerEur, BigDecimal quotePerEur) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private volatile Set<String> currencies;

    FixingStore(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    Optional<LocalDate> newestDate() {
        return jdbc.sql("select fixing_date from fx_fixings order by fixing_date desc limit 1").query(LocalDate.class).optional();
    }

    /**
     * Inserts the fixings; the caller holds the transaction. Rows go in in key order (currency, date),
     * so the primary-key index grows at its end instead of splitting pages all over, in JDBC batches.
     */
    void insert(List<EuroFixing> fixings) {
        var importedAt = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        List<Object[]> days = new ArrayList<>(fixings.size());
        List<Object[]> rates = new ArrayList<>(fixings.size() * 32);
        for (EuroFixing f : fixings) {
            Date date = Date.valueOf(f.date());
            days.add(new Object[] {date, f.source(), f.unitsPerEur().size(), importedAt});
            f.unitsPerEur().forEach((currency, units) -> rates.add(new Object[] {currency.code(), date, units}));
        }
        rates.sort(Comparator.comparing((Object[] r) -> (String) r[0]).thenComparing(r -> (Date) r[1]));
        for (int from = 0; from < rates.size(); from += BATCH) {
            batch.batchUpdate("insert into fx_reference_rates (currency, fixing_date, units_per_eur) values (?, ?, ?)",
                    rates.subList(from, Math.min(rates.size(), from + BATCH)));
        }
        batch.batchUpdate("insert into fx_fixings (fixing_date, source, currencies, imported_at) values (?, ?, ?, ?)", days);
    }

    /** Forgets the known currencies; called once an import has committed, so the next reader sees it. */
    void forgetCurrencies() {
        currencies = null;
    }

    /** Every currency that has at least one stored rate, and EUR. */
    Set<String> currencies() {
        Set<String> known = currencies;
        if (known == null) {
            known = jdbc.sql("select distinct currency from fx_reference_rates").query(String.class).list().stream()
                    .map(String::trim).collect(Collectors.toCollection(java.util.HashSet::new));
            known.add(EUR.code());
            known = Set.copyOf(known);
            currencies = known;
        }
        return known;
    }

    /** The latest fixing on or before {@code date} with a rate for both currencies (EUR is 1 per EUR). */
    Optional<Pair> latest(CurrencyCode base, CurrencyCode quote, LocalDate date) {
        boolean baseEur = base.equals(EUR);
        boolean quoteEur = quote.equals(EUR);
        if (baseEur && quoteEur) {
            return jdbc.sql("select fixing_date, source from fx_fixings where fixing_date <= :date order by fixing_date desc limit 1")
                    .param("date", date)
                    .query((rs, n) -> new Pair(rs.getObject(1, LocalDate.class), rs.getString(2), BigDecimal.ONE, BigDecimal.ONE))
                    .optional();
        }
        if (baseEur || quoteEur) {
            CurrencyCode other = baseEur ? quote : base;
            return jdbc.sql("""
                    select r.fixing_date, f.source, r.units_per_eur from fx_reference_rates r
                    join fx_fixings f on f.fixing_date = r.fixing_date
                    where r.currency = :currency and r.fixing_date <= :date
                    order by r.fixing_date desc limit 1""")
                    .param("currency", other.code()).param("date", date)
                    .query((rs, n) -> new Pair(rs.getObject(1, LocalDate.class), rs.getString(2),
                            baseEur ? BigDecimal.ONE : rs.getBigDecimal(3), baseEur ? rs.getBigDecimal(3) : BigDecimal.ONE))
                    .optional();
        }
        return jdbc.sql("""
                select b.fixing_date, f.source, b.units_per_eur, q.units_per_eur from fx_reference_rates b
                join fx_reference_rates q on q.currency = :quote and q.fixing_date = b.fixing_date
                join fx_fixings f on f.fixing_date = b.fixing_date
                where b.currency = :base and b.fixing_date <= :date
                order by b.fixing_date desc limit 1""")
                .param("base", base.code()).param("quote", quote.code()).param("date", date)
                .query((rs, n) -> new Pair(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)))
                .optional();
    }
}
