package org.finbridge.risk.aml.internal;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Brushing (刷单): a merchant's orders paid but never delivered, i.e. fictitious sales that inflate ratings
 * or move money under cover of trade. The customs' three-document match (REGULATIONS §1.1) expects every
 * paid cross-border order to ship; here, of the payments captured between {@code lookBack} and
 * {@code grace} ago (time enough to deliver), those whose order no delivery names are counted, and the
 * rule fires at {@code minUnshipped} such payments forming at least {@code minShareBasisPoints} of them.
 * One alert per merchant and month of evaluation.
 */
public final class BrushingRule implements MonitoringRule {

    private final Duration lookBack;
    private final Duration grace;
    private final int minUnshipped;
    private final int minShareBasisPoints;

    public BrushingRule(Duration lookBack, Duration grace, int minUnshipped, int minShareBasisPoints) {
        this.lookBack = lookBack;
        this.grace = grace;
        this.minUnshipped = minUnshipped;
        this.minShareBasisPoints = minShareBasisPoints;
    }

    @Override
    public String name() {
        return "ecommerce-brushing";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("lookBackDays", lookBack.toDays(), "graceDays", grace.toDays(), "minUnshipped", minUnshipped,
                "minShareBasisPoints", minShareBasisPoints);
    }

    @Override
    public List<Finding> evaluate(Activity activity) {
        List<AmlTransaction> due = activity.transactions().stream()
                .filter(t -> t.kind() == AmlTransaction.Kind.PAYMENT && t.direction() == AmlTransaction.Direction.CREDIT
                        && t.orderReference() != null
                        && !t.occurredAt().isBefore(activity.now().minus(lookBack))
                        && !t.occurredAt().isAfter(activity.now().minus(grace)))
                .toList();
        List<AmlTransaction> unshipped = due.stream().filter(t -> !activity.deliveredOrders().contains(t.orderReference())).toList();
        if (unshipped.size() >= minUnshipped
                && (long) unshipped.size() * 10_000 >= (long) due.size() * minShareBasisPoints) {
            long total = unshipped.stream().mapToLong(AmlTransaction::cnyOrZero).sum();
            return List.of(Finding.suspicious(name(), activity.party(), YearMonth.from(Activity.reportingDay(activity.now())).toString(),
                    unshipped.size() + " of " + due.size() + " paid orders without any delivery after " + grace.toDays()
                            + " days, " + Amounts.cny(total), total, unshipped));
        }
        return List.of();
    }
}
