package org.finbridge.risk.aml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.finbridge.money.Money;
import org.finbridge.risk.aml.internal.AmlTransaction.Direction;
import org.finbridge.risk.aml.internal.AmlTransaction.Kind;

/**
 * The fan and rapid in-and-out rules evaluate a sliding window in one pass; here they must find exactly
 * what their definition finds, written the obvious way (every leg against every other), on random
 * activities with ties in time, legs on the window's edges and a small pool of counterparties.
 */
class SlidingWindowRulesProperties {

    private static final Instant START = MonitoringRulesTest.NOW.minus(Duration.ofDays(4));

    @Provide
    Arbitrary<List<AmlTransaction>> activities() {
        Arbitrary<AmlTransaction> leg = Combinators.combine(
                Arbitraries.integers().between(0, 96).map(h -> START.plus(Duration.ofHours(h))),
                Arbitraries.of(Direction.values()),
                Arbitraries.longs().between(1, 60_000_00L),
                Arbitraries.of("pty_a", "pty_b", "pty_c", "pty_d", "pty_e", "pty_f", "pty_g"),
                Arbitraries.integers().between(0, 9)).as((at, d, fen, cp, n) -> new AmlTransaction(
                "t" + MonitoringRulesTest.SEQ.incrementAndGet(), MonitoringRulesTest.CUSTOMER, false, "CN", d, Kind.PAYMENT,
                false, Money.ofMinor(fen, "CNY"), n == 0 ? null : fen, fen / 7, n == 1 ? null : cp, "CN", "o", "src", at));
        return leg.list().ofMaxSize(60);
    }

    @Property(tries = 400)
    void fanInAndOutFindWhatEveryWindowChecked(@ForAll("activities") List<AmlTransaction> legs) {
        for (Direction d : Direction.values()) {
            FanRule rule = new FanRule(d, Duration.ofHours(24), 3, 50_000_00L, 10_000_00L);
            Activity activity = MonitoringRulesTest.activity(legs);
            assertThat(rule.evaluate(activity)).isEqualTo(fanByDefinition(rule, d, activity));
        }
    }

    @Property(tries = 400)
    void rapidInAndOutFindsWhatEveryWindowChecked(@ForAll("activities") List<AmlTransaction> legs) {
        RapidInAndOutRule rule = new RapidInAndOutRule(Duration.ofHours(24), 50_000_00L, 5_000);
        Activity activity = MonitoringRulesTest.activity(legs);
        assertThat(rule.evaluate(activity)).isEqualTo(rapidByDefinition(rule, activity));
    }

    private static List<Finding> fanByDefinition(FanRule rule, Direction direction, Activity activity) {
        Duration window = Duration.ofHours(24);
        List<AmlTransaction> legs = activity.transactions().stream()
                .filter(t -> t.direction() == direction && t.counterparty() != null).toList();
        for (AmlTransaction last : legs) {
            List<AmlTransaction> in = legs.stream().filter(t -> !t.occurredAt().isAfter(last.occurredAt())
                    && t.occurredAt().isAfter(last.occurredAt().minus(window))).toList();
            long counterparties = in.stream().map(AmlTransaction::counterparty).filter(Objects::nonNull).distinct().count();
            long total = in.stream().mapToLong(AmlTransaction::cnyOrZero).sum();
            if (counterparties >= 3 && total >= 50_000_00L && total / counterparties >= 10_000_00L) {
                return List.of(Finding.suspicious(rule.name(), activity.party(),
                        Activity.reportingDay(in.getFirst().occurredAt()).toString(),
                        counterparties + " distinct counterparties, " + Amounts.cny(total) + " within 24 h", total, in));
            }
        }
        return List.of();
    }

    private static List<Finding> rapidByDefinition(RapidInAndOutRule rule, Activity activity) {
        Duration window = Duration.ofHours(24);
        List<AmlTransaction> all = activity.transactions();
        List<Finding> found = new ArrayList<>();
        for (AmlTransaction out : all) {
            if (out.direction() != Direction.DEBIT) {
                continue;
            }
            List<AmlTransaction> in = all.stream().filter(t -> !t.occurredAt().isAfter(out.occurredAt())
                    && !t.occurredAt().isBefore(out.occurredAt().minus(window))).toList();
            long inflow = in.stream().filter(t -> t.direction() == Direction.CREDIT).mapToLong(AmlTransaction::cnyOrZero).sum();
            long outflow = in.stream().filter(t -> t.direction() == Direction.DEBIT).mapToLong(AmlTransaction::cnyOrZero).sum();
            if (inflow >= 50_000_00L && outflow * 10_000L >= inflow * 5_000L) {
                found.add(Finding.suspicious(rule.name(), activity.party(), Activity.reportingDay(out.occurredAt()).toString(),
                        Amounts.cny(inflow) + " in and " + Amounts.cny(outflow) + " out within 24 h", outflow, in));
                return found;
            }
        }
        return found;
    }
}
