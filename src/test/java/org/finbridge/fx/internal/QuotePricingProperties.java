package org.finbridge.fx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.finbridge.fx.Corridor;
import org.finbridge.fx.FixedSide;
import org.finbridge.fx.FxAccounts;
import org.finbridge.fx.PricingTier;
import org.finbridge.fx.Quote;
import org.finbridge.fx.QuoteId;
import org.finbridge.fx.QuoteStatus;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Transfer;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/**
 * Quote pricing as properties over generated pairs, rates, spreads and amounts: the rounding always
 * favours the liquidity account, a round trip costs the spread and at most one minor unit per leg, and
 * the ledger legs of a conversion balance in each currency.
 */
class QuotePricingProperties {

    /** Currencies of every exponent the ECB publishes (JPY, KRW, ISK 0; the rest 2), and KWD (3). */
    static final List<String> CODES = List.of("EUR", "USD", "CNY", "JPY", "GBP", "KRW", "IDR", "ISK", "CHF", "KWD");

    /** A pair with its euro rates (as the ECB publishes them: up to 6 significant digits). */
    record Pair(CurrencyCode a, CurrencyCode b, BigDecimal aPerEur, BigDecimal bPerEur) {
        BigDecimal aToB() {
            return CrossRates.cross(aPerEur, bPerEur);
        }

        BigDecimal bToA() {
            return CrossRates.cross(bPerEur, aPerEur);
        }
    }

    @Provide
    Arbitrary<Pair> pairs() {
        Arbitrary<String> code = Arbitraries.of(CODES);
        // 0.3 (KWD) to 20,000 (IDR) units per EUR, six significant digits
        Arbitrary<BigDecimal> perEur = Arbitraries.integers().between(100_000, 999_999)
                .flatMap(digits -> Arbitraries.integers().between(-1, 4).map(exp -> new BigDecimal(digits).movePointLeft(5 - exp)));
        return Combinators.combine(code, code, perEur, perEur).filter((a, b, ra, rb) -> !a.equals(b))
                .as((a, b, ra, rb) -> new Pair(CurrencyCode.of(a), CurrencyCode.of(b),
                        a.equals("EUR") ? BigDecimal.ONE : ra, b.equals("EUR") ? BigDecimal.ONE : rb));
    }

    @Provide
    Arbitrary<Integer> spreads() {
        return Arbitraries.of(Corridor.values()).flatMap(c -> Arbitraries.of(PricingTier.values()).map(t -> t.spreadBasisPoints(c)));
    }

    @Property(tries = 2_000)
    void aRoundTripLosesAtMostTheSpreadPlusOneMinorUnitPerLeg(@ForAll("pairs") Pair pair,
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long amount,
            @ForAll("spreads") int spreadThere, @ForAll("spreads") int spreadBack) {
        var there = price(FixedSide.SELL, amount, pair.a(), pair.b(), pair.aToB(), spreadThere);
        if (there == null || there.buy() == 0) {
            return; // too large or too small to convert: the quote desk refuses it
        }
        var back = price(FixedSide.SELL, there.buy(), pair.b(), pair.a(), pair.bToA(), spreadBack);
        if (back == null) {
            return;
        }
        long loss = amount - back.buy();

        BigDecimal keptAfterSpreads = BigDecimal.ONE.subtract(bps(spreadThere)).multiply(BigDecimal.ONE.subtract(bps(spreadBack)));
        BigDecimal spreadCost = BigDecimal.valueOf(amount).multiply(BigDecimal.ONE.subtract(keptAfterSpreads));
        // leg 1 keeps under one minor unit of b, worth bToA of a's minor units; leg 2 under one of a
        BigDecimal oneUnitOfB = pair.bToA().movePointRight(pair.a().exponent() - pair.b().exponent());
        // crossing through EUR at 18 significant digits: a relative error far below any minor unit
        BigDecimal crossError = BigDecimal.valueOf(amount).movePointLeft(15);
        BigDecimal allowance = spreadCost.add(oneUnitOfB).add(BigDecimal.ONE).add(crossError);

        assertThat(BigDecimal.valueOf(loss)).as("loss of %s %s there and back", amount, pair.a()).isLessThanOrEqualTo(allowance);
        assertThat(loss).as("a round trip never gains").isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 2_000)
    void aFixedSellAmountBuysTheFlooredClientValueAndTheLiquidityPaysOutTheFlooredMidValue(
            @ForAll("pairs") Pair pair, @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long sell,
            @ForAll("spreads") int spread) {
        var p = price(FixedSide.SELL, sell, pair.a(), pair.b(), pair.aToB(), spread);
        if (p == null) {
            return;
        }
        int shift = pair.b().exponent() - pair.a().exponent();
        BigDecimal clientValue = BigDecimal.valueOf(sell).multiply(p.clientRate()).movePointRight(shift);
        BigDecimal midValue = BigDecimal.valueOf(sell).multiply(p.midRate()).movePointRight(shift);
        assertThat(BigDecimal.valueOf(p.buy())).isLessThanOrEqualTo(clientValue);
        assertThat(clientValue.subtract(BigDecimal.valueOf(p.buy()))).isLessThan(BigDecimal.ONE);
        assertThat(p.spread()).isGreaterThanOrEqualTo(0);
        assertThat(BigDecimal.valueOf(p.buy() + p.spread())).isLessThanOrEqualTo(midValue);
        assertThat(midValue.subtract(BigDecimal.valueOf(p.buy() + p.spread()))).isLessThan(BigDecimal.ONE);
        assertThat(p.sell()).isEqualTo(sell);
    }

    @Property(tries = 2_000)
    void aFixedBuyAmountCostsTheLeastSellAmountThatCoversIt(@ForAll("pairs") Pair pair,
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long buy, @ForAll("spreads") int spread) {
        var p = price(FixedSide.BUY, buy, pair.a(), pair.b(), pair.aToB(), spread);
        if (p == null) {
            return;
        }
        int shift = pair.b().exponent() - pair.a().exponent();
        assertThat(p.buy()).isEqualTo(buy);
        // the party pays enough at the client rate, and one minor unit less would not be enough
        assertThat(BigDecimal.valueOf(p.sell()).multiply(p.clientRate()).movePointRight(shift))
                .isGreaterThanOrEqualTo(BigDecimal.valueOf(buy));
        assertThat(BigDecimal.valueOf(p.sell() - 1).multiply(p.clientRate()).movePointRight(shift))
                .isLessThan(BigDecimal.valueOf(buy));
        assertThat(p.spread()).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 500)
    void theLegsOfAConversionBalanceInEachCurrency(@ForAll("pairs") Pair pair,
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long amount, @ForAll("spreads") int spread,
            @ForAll FixedSide side) {
        var p = price(side, amount, pair.a(), pair.b(), pair.aToB(), spread);
        if (p == null || p.buy() == 0 || p.sell() == 0) {
            return;
        }
        Quote quote = quote(pair, p, side, spread);
        AccountId debit = AccountId.next();
        AccountId credit = AccountId.next();
        Map<String, Long> debits = new HashMap<>();
        Map<String, Long> credits = new HashMap<>();
        Map<AccountId, Long> net = new HashMap<>();
        for (Transfer t : ConversionLegs.of(quote, debit, credit)) {
            assertThat(t.amount()).isPositive();
            debits.merge(t.currency(), t.amount(), Long::sum);
            credits.merge(t.currency(), t.amount(), Long::sum);
            net.merge(t.debitAccountId(), -t.amount(), Long::sum);
            net.merge(t.creditAccountId(), t.amount(), Long::sum);
        }
        assertThat(debits).isEqualTo(credits);
        assertThat(net.get(debit)).isEqualTo(-p.sell());
        assertThat(net.get(credit)).isEqualTo(p.buy());
        assertThat(net.get(FxAccounts.liquidity(pair.a()).id())).isEqualTo(p.sell());
        assertThat(net.get(FxAccounts.liquidity(pair.b()).id())).isEqualTo(-(p.buy() + p.spread()));
        assertThat(net.getOrDefault(FxAccounts.revenue(pair.b()).id(), 0L)).isEqualTo(p.spread());
    }

    @Property
    void anOpenQuoteExpiresAtItsExpiryInstant(@ForAll @IntRange(min = 1, max = 86_400) int lockSeconds,
                                               @ForAll @IntRange(min = -5, max = 5) int offsetSeconds) {
        Instant created = Instant.parse("2026-04-14T12:00:00Z");
        Pair pair = new Pair(CurrencyCode.of("USD"), CurrencyCode.of("CNY"), new BigDecimal("1.0892"), new BigDecimal("7.838"));
        var p = QuotePricing.price(FixedSide.SELL, 10_000, pair.a(), pair.b(), pair.aToB(), 60);
        Quote quote = quote(pair, p, FixedSide.SELL, 60, created, created.plusSeconds(lockSeconds));
        Instant now = created.plusSeconds(lockSeconds + offsetSeconds);
        assertThat(quote.statusAt(now)).isEqualTo(offsetSeconds >= 0 ? QuoteStatus.EXPIRED : QuoteStatus.OPEN);
    }

    @Example
    void usdToCnyAtTheFixingOfFridayTheFifteenthOfMarch2024() {
        // 7.838 / 1.0892 = 7.19610723466764598604… ; 60 bps less: 7.15293059125964… ; 100.00 USD buys 715.29 CNY
        var p = QuotePricing.price(FixedSide.SELL, 10_000, CurrencyCode.of("USD"), CurrencyCode.of("CNY"),
                CrossRates.cross(new BigDecimal("1.0892"), new BigDecimal("7.838")), 60);
        assertThat(p.midRate().setScale(10, RoundingMode.HALF_EVEN)).isEqualByComparingTo("7.1961072347");
        assertThat(p.clientRate().setScale(10, RoundingMode.DOWN)).isEqualByComparingTo("7.1529305912");
        assertThat(p.buy()).isEqualTo(71_529);
        assertThat(p.buy() + p.spread()).isEqualTo(71_961);
        assertThat(p.spread()).isEqualTo(432);
    }

    @Example
    void yenHasNoMinorUnitsSoAFixedYenAmountIsPricedInWholeYen() {
        // EUR/JPY 162.03 on 2024-03-15: 1,000 JPY at 30 bps less = 6.15 EUR (6.1531… floored)
        var p = QuotePricing.price(FixedSide.SELL, 1_000, CurrencyCode.of("JPY"), CurrencyCode.of("EUR"),
                CrossRates.cross(new BigDecimal("162.03"), BigDecimal.ONE), 30);
        assertThat(p.buy()).isEqualTo(615);
        var back = QuotePricing.price(FixedSide.BUY, 615, CurrencyCode.of("JPY"), CurrencyCode.of("EUR"),
                CrossRates.cross(new BigDecimal("162.03"), BigDecimal.ONE), 30);
        assertThat(back.sell()).isEqualTo(1_000); // ceil(6.15 × 162.03 / 0.997) = ceil(999.5…)
    }

    /** The priced quote, or null when an amount does not fit 64 bits (the desk refuses it as too large). */
    private static QuotePricing.Priced price(FixedSide side, long amount, CurrencyCode sell, CurrencyCode buy,
                                             BigDecimal rate, int spread) {
        try {
            return QuotePricing.price(side, amount, sell, buy, rate, spread);
        } catch (ArithmeticException tooLarge) {
            BigDecimal converted = side == FixedSide.SELL
                    ? BigDecimal.valueOf(amount).multiply(rate).movePointRight(buy.exponent() - sell.exponent())
                    : BigDecimal.valueOf(amount).divide(rate, java.math.MathContext.DECIMAL64)
                            .movePointRight(sell.exponent() - buy.exponent());
            assertThat(converted).as("refused as too large").isGreaterThan(BigDecimal.valueOf(Long.MAX_VALUE / 2));
            return null;
        }
    }

    private static BigDecimal bps(int basisPoints) {
        return BigDecimal.valueOf(basisPoints).movePointLeft(4);
    }

    private static Quote quote(Pair pair, QuotePricing.Priced p, FixedSide side, int spread) {
        Instant now = Instant.parse("2026-04-14T12:00:00Z");
        return quote(pair, p, side, spread, now, now.plusSeconds(60));
    }

    private static Quote quote(Pair pair, QuotePricing.Priced p, FixedSide side, int spread, Instant created, Instant expires) {
        return new Quote(new QuoteId(UUID.randomUUID()), new PartyId(UUID.randomUUID()), side, new Money(p.sell(), pair.a()),
                new Money(p.buy(), pair.b()), new Money(p.spread(), pair.b()), p.midRate(), p.clientRate(),
                new Quote.Pricing("ECB", LocalDate.of(2026, 4, 13), Corridors.of(pair.a(), pair.b()), PricingTier.STANDARD, spread, 0),
                created, expires, QuoteStatus.OPEN, null, null, null);
    }
}
