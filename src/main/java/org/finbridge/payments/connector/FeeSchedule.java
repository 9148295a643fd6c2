package org.finbridge.payments.connector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.finbridge.money.Money;
import org.finbridge.payments.MethodType;

/**
 * A connector's prices: a percentage (in basis points) plus a fixed amount per transaction, by method
 * and region. The first matching rule applies; a rule with a null method or region matches any.
 *
 * <p>Rounding: the percentage part is rounded half up to the minor unit, as acquirers' statements do
 * (interchange++ invoices quote per-transaction fees that way). A fee never exceeds the amount it is
 * taken from.
 */
public record FeeSchedule(List<Rule> rules) {

    public FeeSchedule {
        rules = List.copyOf(rules);
    }

    /**
     * @param fixedMinorByCurrency the fixed part per transaction, in minor units of each currency (absent = 0)
     */
    public record Rule(MethodType method, Region region, long basisPoints, Map<String, Long> fixedMinorByCurrency) {
        public Rule {
            if (basisPoints < 0 || basisPoints > 10_000) {
                throw new IllegalArgumentException("basis points must be 0..10000");
            }
            fixedMinorByCurrency = Map.copyOf(fixedMinorByCurrency);
        }

        boolean matches(MethodType m, Region r) {
            return (method == null || method == m) && (region == null || region == r);
        }
    }

    public static FeeSchedule none() {
        return new FeeSchedule(List.of());
    }

    public Money fee(MethodType method, Region region, Money amount) {
        for (Rule rule : rules) {
            if (rule.matches(method, region)) {
                return apply(rule.basisPoints(), rule.fixedMinorByCurrency().getOrDefault(amount.currency().code(), 0L), amount);
            }
        }
        return Money.zero(amount.currency());
    }

    /** {@code amount × basisPoints / 10 000}, half up, plus {@code fixedMinor}, capped at the amount. */
    public static Money apply(long basisPoints, long fixedMinor, Money amount) {
        long percent = BigDecimal.valueOf(amount.minorUnits()).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
        long fee = Math.min(amount.minorUnits(), Math.addExact(percent, fixedMinor));
        return new Money(fee, amount.currency());
    }

    public static Money apply(long basisPoints, Money amount) {
        return apply(basisPoints, 0, amount);
    }

}
