package org.finbridge.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The sweep from settlements (REGULATIONS.md §6.1) as properties over generated settlements and loans. */
class SweepProperties {

    @Provide
    Arbitrary<List<Sweep.Claim>> claims() {
        return Combinators.combine(Arbitraries.longs().between(0, 5_000_000_000L), Arbitraries.integers().between(0, 10_000))
                .as((due, bps) -> new Sweep.Claim(new LoanId(UUID.randomUUID()), due, bps)).list().ofMaxSize(6);
    }

    @Property
    void aSweepNeverTakesMoreThanTheHoldbackOrTheAmountDue(@ForAll @LongRange(min = -1_000, max = 10_000_000_000L) long settled,
                                                          @ForAll @LongRange(min = 0, max = 10_000_000_000L) long available,
                                                          @ForAll("claims") List<Sweep.Claim> claims) {
        List<Sweep.Take> takes = Sweep.plan(settled, available, claims);
        Map<LoanId, Sweep.Claim> byLoan = claims.stream().collect(Collectors.toMap(Sweep.Claim::loan, Function.identity()));
        long total = 0;
        for (Sweep.Take t : takes) {
            Sweep.Claim c = byLoan.get(t.loan());
            long holdback = BigInteger.valueOf(Math.max(0, settled)).multiply(BigInteger.valueOf(c.holdbackBasisPoints()))
                    .divide(BigInteger.valueOf(10_000)).longValueExact();
            assertThat(t.amount()).isPositive().isLessThanOrEqualTo(holdback).isLessThanOrEqualTo(c.due());
            total += t.amount();
        }
        assertThat(total).isLessThanOrEqualTo(Math.max(0, settled)).isLessThanOrEqualTo(available);
        assertThat(takes.stream().map(Sweep.Take::loan).distinct().count()).isEqualTo(takes.size());
    }

    @Property
    void theFirstLoanInPriorityTakesAllItMayBeforeTheNext(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long settled,
                                                         @ForAll("claims") List<Sweep.Claim> claims) {
        List<Sweep.Take> takes = Sweep.plan(settled, Long.MAX_VALUE, claims);
        if (claims.isEmpty()) {
            assertThat(takes).isEmpty();
            return;
        }
        Sweep.Claim first = claims.getFirst();
        long holdback = settled * first.holdbackBasisPoints() / 10_000;
        long expected = Math.min(Math.min(holdback, first.due()), settled);
        long taken = takes.stream().filter(t -> t.loan().equals(first.loan())).mapToLong(Sweep.Take::amount).sum();
        assertThat(taken).isEqualTo(expected);
    }

    @Example
    void fifteenPercentOfEverySettlementUntilTheTotalIsPaid() {
        LoanId advance = new LoanId(UUID.randomUUID());
        // CNY 1,000.00 settles: 15 % is 150.00, and only 120.00 is still owed
        assertThat(Sweep.plan(100_000, 100_000, List.of(new Sweep.Claim(advance, 12_000, 1_500))))
                .containsExactly(new Sweep.Take(advance, 12_000));
        assertThat(Sweep.plan(100_000, 100_000, List.of(new Sweep.Claim(advance, 50_000, 1_500))))
                .containsExactly(new Sweep.Take(advance, 15_000));
        // a merchant whose balance was already paid out gives what there is
        assertThat(Sweep.plan(100_000, 4_000, List.of(new Sweep.Claim(advance, 50_000, 1_500))))
                .containsExactly(new Sweep.Take(advance, 4_000));
        // a recovery (negative) takes nothing
        assertThat(Sweep.plan(-5_000, 100_000, List.of(new Sweep.Claim(advance, 50_000, 1_500)))).isEmpty();
    }
}
