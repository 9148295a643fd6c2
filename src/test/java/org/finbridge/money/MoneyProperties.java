package org.finbridge.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Money arithmetic, allocation and rates as properties over generated amounts. */
class MoneyProperties {

    @Provide
    Arbitrary<CurrencyCode> currencies() {
        return Arbitraries.of("USD", "EUR", "JPY", "KWD", "CNY", "GBP", "BHD", "KRW", "CLF").map(CurrencyCode::of);
    }

    @Example
    void exponentsComeFromIso4217() {
        assertThat(CurrencyCode.of("JPY").exponent()).isZero();
        assertThat(CurrencyCode.of("USD").exponent()).isEqualTo(2);
        assertThat(CurrencyCode.of("KWD").exponent()).isEqualTo(3);
        assertThat(CurrencyCode.of("CLF").exponent()).isEqualTo(4);
        assertThat(CurrencyCode.of("cny").code()).isEqualTo("CNY");
    }

    @Example
    void unknownAndUncountableCurrenciesAreRefused() {
        for (String bad : new String[] {"XYZ", "EU", "EURO", "", "XAU", "XTS", "XXX", "€UR"}) {
            assertThatThrownBy(() -> CurrencyCode.of(bad)).isInstanceOf(UnknownCurrencyException.class);
        }
        assertThatThrownBy(() -> CurrencyCode.of(null)).isInstanceOf(UnknownCurrencyException.class);
    }

    @Property
    void additionIsExactOrRefused(@ForAll long a, @ForAll long b, @ForAll("currencies") CurrencyCode c) {
        BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
        if (exact.bitLength() < 64) {
            assertThat(new Money(a, c).plus(new Money(b, c)).minorUnits()).isEqualTo(exact.longValueExact());
            assertThat(new Money(a, c).plus(new Money(b, c)).minus(new Money(b, c)).minorUnits()).isEqualTo(a);
        } else {
            assertThatThrownBy(() -> new Money(a, c).plus(new Money(b, c))).isInstanceOf(ArithmeticException.class);
        }
    }

    @Property
    void multiplicationOverflowIsRefused(@ForAll long a, @ForAll long factor) {
        BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(factor));
        Money m = Money.ofMinor(a, "USD");
        if (exact.bitLength() < 64) {
            assertThat(m.times(factor).minorUnits()).isEqualTo(exact.longValueExact());
        } else {
            assertThatThrownBy(() -> m.times(factor)).isInstanceOf(ArithmeticException.class);
        }
    }

    @Property
    void mixingCurrenciesIsAProgrammingError(@ForAll long a, @ForAll long b) {
        assertThatThrownBy(() -> Money.ofMinor(a, "USD").plus(Money.ofMinor(b, "EUR")))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> Money.ofMinor(a, "USD").compareTo(Money.ofMinor(b, "JPY")))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Property
    void majorUnitsRoundTrip(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long minor,
                             @ForAll("currencies") CurrencyCode c) {
        Money m = new Money(minor, c);
        assertThat(Money.ofMajor(m.toMajor().toPlainString(), c.code())).isEqualTo(m);
    }

    @Example
    void moreDecimalsThanTheCurrencyHasIsAnError() {
        assertThatThrownBy(() -> Money.ofMajor("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofMajor("1.234", "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.ofMajor("1.234", "KWD").minorUnits()).isEqualTo(1234);
        assertThat(Money.ofMajor("1.50", "USD").minorUnits()).isEqualTo(150);
    }

    @Property
    void allocationAlwaysSumsToTheTotal(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long total,
                                        @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000) Long> weights) {
        long[] w = weights.stream().mapToLong(Long::longValue).toArray();
        if (weights.stream().allMatch(x -> x == 0)) {
            w[0] = 1;
        }
        List<Money> parts = Allocation.allocate(Money.ofMinor(total, "EUR"), w);
        assertThat(parts.stream().mapToLong(Money::minorUnits).sum()).isEqualTo(total);
        long weightSum = java.util.Arrays.stream(w).sum();
        for (int i = 0; i < w.length; i++) {
            // each part is within one minor unit of its exact proportional share
            BigDecimal exact = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(w[i]))
                    .divide(BigDecimal.valueOf(weightSum), 10, RoundingMode.HALF_EVEN);
            assertThat(BigDecimal.valueOf(parts.get(i).minorUnits()).subtract(exact).abs())
                    .isLessThan(BigDecimal.ONE);
            if (w[i] == 0) {
                assertThat(parts.get(i).minorUnits()).isZero();
            }
        }
    }

    @Property
    void evenSplitsDifferByAtMostOneUnit(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long total,
                                         @ForAll @IntRange(min = 1, max = 60) int n) {
        List<Money> parts = Allocation.evenly(Money.ofMinor(total, "CNY"), n);
        long max = parts.stream().mapToLong(Money::minorUnits).max().orElseThrow();
        long min = parts.stream().mapToLong(Money::minorUnits).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertThat(parts.stream().mapToLong(Money::minorUnits).sum()).isEqualTo(total);
    }

    @Example
    void allocationExamples() {
        assertThat(Allocation.evenly(Money.ofMinor(100, "USD"), 3)).extracting(Money::minorUnits).containsExactly(34L, 33L, 33L);
        assertThat(Allocation.allocate(Money.ofMinor(5, "JPY"), 3, 7)).extracting(Money::minorUnits).containsExactly(2L, 3L);
        assertThatThrownBy(() -> Allocation.allocate(Money.ofMinor(5, "JPY"), 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.allocate(Money.ofMinor(5, "JPY"), 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void roundingDirectionIsHonoured(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long minor,
                                     @ForAll @IntRange(min = 1, max = 2_000_000) int rateMicros) {
        Rate rate = new Rate(CurrencyCode.of("EUR"), CurrencyCode.of("CNY"), BigDecimal.valueOf(rateMicros, 6));
        Money eur = Money.ofMinor(minor, "EUR");
        Money down = rate.convert(eur, RoundingMode.DOWN);
        Money up = rate.convert(eur, RoundingMode.UP);
        BigDecimal exact = eur.toMajor().multiply(rate.value()).movePointRight(2);
        assertThat(BigDecimal.valueOf(down.minorUnits())).isLessThanOrEqualTo(exact);
        assertThat(BigDecimal.valueOf(up.minorUnits())).isGreaterThanOrEqualTo(exact);
        assertThat(up.minorUnits() - down.minorUnits()).isBetween(0L, 1L);
    }

    @Property
    void convertingThereAndBackLosesAtMostTheRounding(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long minor,
                                                       @ForAll @IntRange(min = 100_000, max = 20_000_000) int rateMicros) {
        Rate eurCny = new Rate(CurrencyCode.of("EUR"), CurrencyCode.of("CNY"), BigDecimal.valueOf(rateMicros, 6));
        Money eur = Money.ofMinor(minor, "EUR");
        // rounding down both ways is in favour of whoever holds the liquidity: the client never gains
        Money back = eurCny.inverse().convert(eurCny.convert(eur, RoundingMode.DOWN), RoundingMode.DOWN);
        assertThat(back.minorUnits()).isLessThanOrEqualTo(eur.minorUnits());
        long tolerance = 2 + BigDecimal.ONE.divide(eurCny.value(), 0, RoundingMode.UP).longValue();
        assertThat(eur.minorUnits() - back.minorUnits()).isLessThanOrEqualTo(tolerance);
    }

    @Example
    void ratesAreFixedScaleAndRefuseMisuse() {
        Rate r = Rate.of("USD", "JPY", "151.23456789012345");
        assertThat(r.value().scale()).isEqualTo(Rate.SCALE);
        assertThatThrownBy(() -> Rate.of("USD", "JPY", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rate.of("USD", "JPY", "-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.convert(Money.ofMinor(1, "EUR"), RoundingMode.DOWN)).isInstanceOf(CurrencyMismatchException.class);
        assertThat(r.convert(Money.ofMinor(100, "USD"), RoundingMode.DOWN).minorUnits()).isEqualTo(151);
        Rate eurUsd = Rate.of("EUR", "USD", "1.08");
        assertThat(eurUsd.cross(r).value()).isEqualByComparingTo("163.3333333213");
    }
}
