package org.finbridge.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.TransferId;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Conversions through the real ledger (TigerBeetle's currency-exchange recipe): there and back, an
 * expired or used quote, twenty concurrent executions, a refusal that changes nothing. The invariant
 * sweep and the audit-chain check run after each test.
 */
@ApplicationTest
class FxConversionTest {

    static final CurrencyCode USD = CurrencyCode.of("USD");
    static final CurrencyCode CNY = CurrencyCode.of("CNY");

    @Autowired
    Fx fx;

    @Autowired
    ReferenceRates rates;

    @Autowired
    PricingTiers tiers;

    @Autowired
    Ledger ledger;

    @Autowired
    FxExposure exposure;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    FxFixtures fixtures;
    PartyId merchant;

    @BeforeEach
    void setUp() {
        FxTestRates.publishToday(rates, clock);
        fixtures = new FxFixtures(ledger);
        merchant = PartyId.next(clock);
    }

    private Quote quote(QuoteRequest request) {
        QuoteResult r = fx.quote(request, "test");
        assertThat(r).as(String.valueOf(r)).isInstanceOf(QuoteResult.Quoted.class);
        return ((QuoteResult.Quoted) r).quote();
    }

    private Conversion execute(Quote q) {
        ExecutionResult r = fx.executeBetweenOwnBalances(q.id(), "test");
        assertThat(r).as(String.valueOf(r)).isInstanceOf(ExecutionResult.Executed.class);
        return ((ExecutionResult.Executed) r).conversion();
    }

    /**
     * Property over generated pairs, amounts and tiers (jqwik generators, sampled here because the
     * ledger runs in the application): converting there and back loses at most the two spreads plus
     * one minor unit per leg, and every leg balances in its currency.
     */
    @Test
    void thereAndBackLosesAtMostTheSpreadPlusOneMinorUnitPerLeg() {
        Arbitrary<String> codes = Arbitraries.of("EUR", "USD", "CNY", "JPY", "GBP", "KRW", "IDR", "BRL");
        Arbitrary<Tuple.Tuple4<String, String, Long, PricingTier>> cases = Combinators.combine(codes, codes,
                Arbitraries.longs().between(1, 50_000_000L), Arbitraries.of(PricingTier.values()))
                .filter((a, b, amount, tier) -> !a.equals(b)).as(Tuple::of);
        long seed = new java.util.Random().nextLong(); // named in every failure message, to replay a case
        var generator = cases.generator(1_000);
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 25; i++) {
            var c = generator.next(random).value();
            roundTrip(c.get1(), c.get2(), c.get3(), c.get4(), seed);
        }
    }

    private void roundTrip(String a, String b, long amount, PricingTier tier, long seed) {
        PartyId party = PartyId.next(clock);
        tiers.assign(party, tier, "test");
        fixtures.fund(party, a, amount);
        long[] liquidityBefore = {fixtures.platform(FxAccounts.liquidity(CurrencyCode.of(a))),
                fixtures.platform(FxAccounts.liquidity(CurrencyCode.of(b)))};
        long revenueBefore = fixtures.platform(FxAccounts.revenue(CurrencyCode.of(b)));

        QuoteResult thereResult = fx.quote(QuoteRequest.selling(party, CurrencyCode.of(a), CurrencyCode.of(b), amount), "test");
        if (thereResult instanceof QuoteResult.AmountTooSmall) {
            return; // less than one minor unit of b: refused, nothing to round-trip
        }
        Quote there = ((QuoteResult.Quoted) thereResult).quote();
        execute(there);
        // the legs of the first conversion, per currency: what left the party reached liquidity, and what
        // left liquidity reached the party and revenue
        assertThat(fixtures.balance(party, a)).isZero();
        assertThat(fixtures.platform(FxAccounts.liquidity(CurrencyCode.of(a))) - liquidityBefore[0]).isEqualTo(amount);
        assertThat(fixtures.balance(party, b)).isEqualTo(there.buy().minorUnits());
        assertThat(fixtures.platform(FxAccounts.revenue(CurrencyCode.of(b))) - revenueBefore).isEqualTo(there.spread().minorUnits());
        assertThat(liquidityBefore[1] - fixtures.platform(FxAccounts.liquidity(CurrencyCode.of(b))))
                .isEqualTo(there.buy().minorUnits() + there.spread().minorUnits());

        QuoteResult backResult = fx.quote(QuoteRequest.selling(party, CurrencyCode.of(b), CurrencyCode.of(a),
                there.buy().minorUnits()), "test");
        if (backResult instanceof QuoteResult.AmountTooSmall) {
            return;
        }
        Quote back = ((QuoteResult.Quoted) backResult).quote();
        execute(back);
        long loss = amount - fixtures.balance(party, a);
        assertThat(fixtures.balance(party, b)).isZero();

        BigDecimal kept = keep(there.pricing().totalBasisPoints()).multiply(keep(back.pricing().totalBasisPoints()));
        BigDecimal allowance = BigDecimal.valueOf(amount).multiply(BigDecimal.ONE.subtract(kept))
                .add(FxTestRates.cross(b, a).movePointRight(CurrencyCode.of(a).exponent() - CurrencyCode.of(b).exponent()))
                .add(BigDecimal.ONE).add(BigDecimal.valueOf(amount).movePointLeft(15));
        String trip = String.format("%d %s -> %s -> %s, tier %s (seed %d)", amount, a, b, a, tier, seed);
        assertThat(loss).as(trip).isNotNegative();
        assertThat(BigDecimal.valueOf(loss)).as(trip).isLessThanOrEqualTo(allowance);
    }

    private static BigDecimal keep(int spreadBasisPoints) {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(spreadBasisPoints).movePointLeft(4));
    }

    @Test
    void anExpiredQuoteDoesNotTrade() {
        fixtures.fund(merchant, "USD", 100_000);
        Quote q = quote(QuoteRequest.selling(merchant, USD, CNY, 50_000));
        assertThat(q.lock()).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60)); // the lock ends at its expiry instant, not a moment after

        ExecutionResult r = fx.executeBetweenOwnBalances(q.id(), "test");
        assertThat(r).isEqualTo(new ExecutionResult.QuoteExpired(q.id(), q.expiresAt()));
        assertThat(fixtures.balance(merchant, "USD")).isEqualTo(100_000);
        assertThat(ledger.account(fixtures.id(merchant, "CNY"))).isEmpty();
        assertThat(fx.find(q.id()).orElseThrow().statusAt(clock.instant())).isEqualTo(QuoteStatus.EXPIRED);
    }

    @Test
    void aQuoteStillLockedATickBeforeExpiryTrades() {
        fixtures.fund(merchant, "USD", 100_000);
        Quote q = quote(QuoteRequest.selling(merchant, USD, CNY, 50_000));
        clock.advance(Duration.ofSeconds(59));
        execute(q);
        assertThat(fixtures.balance(merchant, "CNY")).isEqualTo(q.buy().minorUnits());
    }

    @Test
    void aQuoteConvertsOnceAndIsThenUsed() {
        fixtures.fund(merchant, "USD", 100_000);
        Quote q = quote(QuoteRequest.buying(merchant, USD, CNY, 100_000));
        Conversion c = execute(q);
        assertThat(c.bought().minorUnits()).isEqualTo(100_000);
        assertThat(fx.executeBetweenOwnBalances(q.id(), "test"))
                .isEqualTo(new ExecutionResult.QuoteAlreadyUsed(q.id(), QuoteStatus.EXECUTED));
        assertThat(fixtures.balance(merchant, "USD")).isEqualTo(100_000 - q.sell().minorUnits());
        assertThat(fixtures.balance(merchant, "CNY")).isEqualTo(100_000);
        assertThat(audits(q, "fx.quote.execute")).isEqualTo(1);
        assertThat(c.transfers()).allSatisfy(id -> assertThat(ledger.transfer(id)).isPresent());
    }

    @Test
    void twentyConcurrentExecutionsConvertExactlyOnce() throws Exception {
        fixtures.fund(merchant, "USD", 1_000_000);
        Quote q = quote(QuoteRequest.selling(merchant, USD, CNY, 400_000));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ExecutionResult>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> {
                start.await();
                return fx.executeBetweenOwnBalances(q.id(), "test");
            });
        }
        List<ExecutionResult> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            List<Future<ExecutionResult>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<ExecutionResult> f : futures) {
                results.add(f.get());
            }
        }
        assertThat(results).filteredOn(r -> r instanceof ExecutionResult.Executed).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof ExecutionResult.QuoteAlreadyUsed).hasSize(19);
        assertThat(fixtures.balance(merchant, "USD")).isEqualTo(600_000);
        assertThat(fixtures.balance(merchant, "CNY")).isEqualTo(q.buy().minorUnits());
        assertThat(audits(q, "fx.quote.execute")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ledger_transfers where external_ref = :ref").param("ref", q.id().toString())
                .query(Long.class).single()).isEqualTo(q.spread().isPositive() ? 3 : 2);
    }

    @Test
    void anInsufficientBalanceIsRefusedAndChangesNothing() {
        fixtures.fund(merchant, "USD", 10_000);
        Quote q = quote(QuoteRequest.selling(merchant, USD, CNY, 10_001));
        long liquidity = fixtures.platform(FxAccounts.liquidity(USD));

        ExecutionResult r = fx.executeBetweenOwnBalances(q.id(), "test");
        assertThat(r).isInstanceOf(ExecutionResult.InsufficientFunds.class);
        assertThat(fixtures.balance(merchant, "USD")).isEqualTo(10_000);
        assertThat(fixtures.balance(merchant, "CNY")).isZero();
        assertThat(fixtures.platform(FxAccounts.liquidity(USD))).isEqualTo(liquidity);
        assertThat(fx.find(q.id()).orElseThrow().statusAt(clock.instant())).isEqualTo(QuoteStatus.OPEN);
        assertThat(audits(q, "fx.quote.execute")).isZero();
        assertThat(ledger.transfer(TransferId.derived("fx:quote:" + q.id() + ":sell"))).isEmpty();

        // topped up within the lock, the same quote converts
        fixtures.fund(merchant, "USD", 1);
        execute(q);
        assertThat(fixtures.balance(merchant, "USD")).isZero();
    }

    @Test
    void checkoutConvertsBetweenAccountsTheCallerNames() {
        // the payments module's use: the buyer's currency held in one account, the merchant's settlement
        // currency credited to its balance, at the rate locked at checkout
        fixtures.fund(merchant, "BRL", 25_000);
        Quote q = quote(QuoteRequest.selling(merchant, CurrencyCode.of("BRL"), CNY, 25_000).lockedFor(Duration.ofMinutes(5)));
        assertThat(q.pricing().corridor()).isEqualTo(Corridor.EXOTIC);
        var cnyBalance = FxAccounts.merchantAvailable(merchant, CNY);
        ledger.createAccount(cnyBalance);

        ExecutionResult wrong = fx.execute(q.id(), cnyBalance.id(), fixtures.id(merchant, "BRL"), "payments");
        assertThat(wrong).isInstanceOf(ExecutionResult.AccountMismatch.class);
        ExecutionResult r = fx.execute(q.id(), fixtures.id(merchant, "BRL"), cnyBalance.id(), "payments");
        assertThat(r).isInstanceOf(ExecutionResult.Executed.class);
        assertThat(fixtures.balance(merchant, "CNY")).isEqualTo(q.buy().minorUnits());
    }

    @Test
    void theLockATierAllowsIsEnforced() {
        QuoteRequest day = QuoteRequest.selling(merchant, USD, CNY, 10_000).lockedFor(Duration.ofHours(24));
        assertThat(fx.quote(day, "test")).isEqualTo(new QuoteResult.LockTooLong(Duration.ofHours(24),
                Duration.ofMinutes(5), PricingTier.STANDARD));
        tiers.assign(merchant, PricingTier.ENTERPRISE, "operator");
        Quote q = quote(day);
        assertThat(q.expiresAt()).isEqualTo(q.createdAt().plus(Duration.ofHours(24)));
        assertThat(q.pricing().spreadBasisPoints()).isEqualTo(24); // 40 % of the CNY corridor's 60 bps
        assertThat(q.pricing().lockPremiumBasisPoints()).isEqualTo(25); // a day's lock
        // the client rate is the mid rate less both
        assertThat(q.clientRate()).isEqualByComparingTo(q.midRate().multiply(new BigDecimal("0.9951"))
                .setScale(20, java.math.RoundingMode.DOWN));
        assertThat(fx.quote(day.lockedFor(Duration.ofHours(24).plusSeconds(1)), "test"))
                .isInstanceOf(QuoteResult.LockTooLong.class);
    }

    @Test
    void exposureIsTheLiquidityPositionAndTheSpreadEarned() {
        fixtures.fund(merchant, "USD", 100_000);
        Conversion c = execute(quote(QuoteRequest.selling(merchant, USD, CNY, 100_000)));
        CurrencyExposure usd = exposure.of(USD).orElseThrow();
        CurrencyExposure cny = exposure.of(CNY).orElseThrow();
        // the platform is long what merchants sold it and short what they bought
        assertThat(usd.position().minorUnits()).isEqualTo(fixtures.platform(FxAccounts.liquidity(USD))).isGreaterThanOrEqualTo(100_000);
        assertThat(cny.position().minorUnits()).isEqualTo(fixtures.platform(FxAccounts.liquidity(CNY))).isNegative();
        assertThat(cny.realisedSpread().minorUnits()).isEqualTo(fixtures.platform(FxAccounts.revenue(CNY)))
                .isGreaterThanOrEqualTo(c.spread().minorUnits());
        // valued in EUR at the reference rate: 1 USD = 1 / 1.0892 EUR
        assertThat(usd.positionInEur()).isEqualByComparingTo(usd.position().toMajor()
                .multiply(FxTestRates.cross("USD", "EUR")).setScale(2, java.math.RoundingMode.HALF_EVEN));
        assertThat(exposure.all()).extracting(e -> e.position().currency().code()).contains("USD", "CNY");
    }

    private long audits(Quote q, String action) {
        return jdbc.sql("select count(*) from audit_trail where action = :action and object_id = :id")
                .param("action", action).param("id", q.id().toString()).query(Long.class).single();
    }
}
