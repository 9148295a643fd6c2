package org.finbridge.fx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.finbridge.fx.EuroFixing;
import org.finbridge.fx.RateProvider;
import org.finbridge.fx.ReferenceRate;
import org.finbridge.fx.ReferenceRateResult;
import org.finbridge.money.CurrencyCode;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shipped ECB history imported into a fresh database (once for the class, timed), then asked for
 * rates that are checked against the file by hand.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceRateImportTest {

    static final CurrencyCode USD = CurrencyCode.of("USD");
    static final CurrencyCode CNY = CurrencyCode.of("CNY");
    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final CurrencyCode JPY = CurrencyCode.of("JPY");

    HikariDataSource dataSource;
    JdbcClient jdbc;
    ReferenceRateService rates;
    int imported;
    long importMillis;

    @BeforeAll
    void importTheHistory() {
        TestDatabase.Fresh db = TestDatabase.fresh("fx_rates");
        db.migrate();
        dataSource = db.dataSource(4);
        jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(Instant.parse("2026-04-14T12:00:00Z"), ZoneOffset.UTC);
        rates = new ReferenceRateService(new FixingStore(jdbc, new JdbcTemplate(dataSource), clock),
                new TransactionTemplate(new JdbcTransactionManager(dataSource)));
        long parseStarted = System.nanoTime();
        new EcbHistoryFile().fixingsAfter(null);
        System.out.printf("ECB history parse: %d ms%n", (System.nanoTime() - parseStarted) / 1_000_000);
        long started = System.nanoTime();
        imported = rates.importFrom(new EcbHistoryFile());
        importMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("ECB history import on %s: %d fixing days, %d rates in %d ms%n", db.vendor(), imported,
                jdbc.sql("select count(*) from fx_reference_rates").query(Long.class).single(), importMillis);
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void theWholeHistoryIsImportedQuickly() {
        assertThat(imported).isEqualTo(6_983);
        assertThat(jdbc.sql("select min(fixing_date) from fx_fixings").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(1999, 1, 4));
        assertThat(jdbc.sql("select max(fixing_date) from fx_fixings").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2026, 4, 13));
        // N/A is no row: CNY is published from 2005-04-01 on
        assertThat(jdbc.sql("select min(fixing_date) from fx_reference_rates where currency = 'CNY'").query(LocalDate.class)
                .single()).isEqualTo(LocalDate.of(2005, 4, 1));
        // a generous bound: the figure is about a full history in one batch, not a benchmark (machines here are shared)
        assertThat(importMillis).as("import time").isLessThan(60_000);
    }

    @Test
    void importingAgainAddsNothing() {
        long before = jdbc.sql("select count(*) from fx_reference_rates").query(Long.class).single();
        assertThat(rates.importFrom(new EcbHistoryFile())).isZero();
        assertThat(jdbc.sql("select count(*) from fx_reference_rates").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void usdCnyOnAFridayIsCnyPerEuroOverUsdPerEuroOfThatDay() {
        // the file's line for 2024-03-15: USD 1.0892, CNY 7.838 (units per 1 EUR)
        ReferenceRate rate = found(USD, CNY, LocalDate.of(2024, 3, 15));
        assertThat(rate.fixingDate()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(rate.source()).isEqualTo("ECB");
        // 7.838 / 1.0892 = 7.196107234667646… (by hand)
        assertThat(rate.rate().round(new MathContext(10, RoundingMode.HALF_EVEN))).isEqualByComparingTo("7.196107235");
        assertThat(rate.rate().precision()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aWeekendUsesTheFridayBefore() {
        // 2024-03-16/17 is a weekend; the fixing used is Friday 2024-03-15
        ReferenceRate sunday = found(USD, CNY, LocalDate.of(2024, 3, 17));
        assertThat(sunday.fixingDate()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(sunday.rate()).isEqualByComparingTo(found(USD, CNY, LocalDate.of(2024, 3, 15)).rate());
    }

    @Test
    void aTargetHolidayUsesTheWorkingDayBefore() {
        // Good Friday 2024-03-29 and Easter Monday 2024-04-01 have no fixing: Thursday 2024-03-28 is used
        assertThat(found(EUR, JPY, LocalDate.of(2024, 4, 1)).fixingDate()).isEqualTo(LocalDate.of(2024, 3, 28));
    }

    @Test
    void againstEuroTheRateIsThePublishedOneAndItsInverse() {
        assertThat(found(EUR, USD, LocalDate.of(2024, 3, 15)).rate()).isEqualByComparingTo("1.0892");
        // 1 / 1.0892 = 0.9181050312155711…
        assertThat(found(USD, EUR, LocalDate.of(2024, 3, 15)).rate().round(new MathContext(10)))
                .isEqualByComparingTo("0.9181050312");
        assertThat(found(EUR, EUR, LocalDate.of(2024, 3, 16)).fixingDate()).isEqualTo(LocalDate.of(2024, 3, 15));
    }

    @Test
    void aCurrencyBeforeItsFirstFixingHasNone() {
        assertThat(rates.rate(USD, CNY, LocalDate.of(2005, 3, 31))).isInstanceOf(ReferenceRateResult.NoFixing.class);
        assertThat(found(USD, CNY, LocalDate.of(2005, 4, 1)).fixingDate()).isEqualTo(LocalDate.of(2005, 4, 1));
        assertThat(rates.rate(EUR, USD, LocalDate.of(1998, 12, 31))).isInstanceOf(ReferenceRateResult.NoFixing.class);
    }

    @Test
    void aCurrencyTheEcbDoesNotPublishIsNotQuoted() {
        assertThat(rates.rate(CurrencyCode.of("AED"), USD, LocalDate.of(2024, 3, 15)))
                .isEqualTo(new ReferenceRateResult.CurrencyNotQuoted("AED"));
    }

    @Test
    void aNewerFixingFromAnotherProviderIsAddedOnceAndUsed() {
        EuroFixing next = new EuroFixing(LocalDate.of(2026, 4, 14), "ECB",
                Map.of(USD, new BigDecimal("1.1700"), CNY, new BigDecimal("8.0000")));
        RateProvider feed = new RateProvider() {
            @Override
            public String source() {
                return "ECB";
            }

            @Override
            public List<EuroFixing> fixingsAfter(LocalDate after) {
                return List.of(next);
            }
        };
        try {
            assertThat(rates.importFrom(feed)).isEqualTo(1);
            assertThat(rates.importFrom(feed)).isZero();
            assertThat(found(USD, CNY, LocalDate.of(2026, 4, 14)).rate().round(new MathContext(10)))
                    .isEqualByComparingTo("6.837606838");
            // a currency missing from the newest fixing comes from the latest fixing that has both
            assertThat(found(USD, JPY, LocalDate.of(2026, 4, 14)).fixingDate()).isEqualTo(LocalDate.of(2026, 4, 13));
        } finally {
            jdbc.sql("delete from fx_reference_rates where fixing_date = :d").param("d", next.date()).update();
            jdbc.sql("delete from fx_fixings where fixing_date = :d").param("d", next.date()).update();
        }
    }

    private ReferenceRate found(CurrencyCode base, CurrencyCode quote, LocalDate date) {
        ReferenceRateResult r = rates.rate(base, quote, date);
        assertThat(r).isInstanceOf(ReferenceRateResult.Found.class);
        return ((ReferenceRateResult.Found) r).rate();
    }
}
