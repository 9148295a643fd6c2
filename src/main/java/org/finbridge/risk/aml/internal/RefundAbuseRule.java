package org.finbridge.risk.aml.internal;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Refund abuse (退款套现): money paid in and returned as refunds, which launders the buyer's funds through
 * the merchant's account, or cashes out stolen cards. Fires when, within {@code window}, a merchant made at
 * least {@code minRefunds} refunds amounting to at least {@code minShareBasisPoints} of what it received.
 * Platform policy threshold; the suspicious feature is PBoC Order 2016 No. 3 art. 11's "transactions
 * inconsistent with the customer's business". One alert per merchant and month of evaluation.
 */
public final class RefundAbuseRule implements MonitoringRule {

    private final Duration window;
    private final int minRefunds;
    private final int minShareBasisPoints;

    public RefundAbuseRule(Duration window, int minRefunds, int minShareBasisPoints) {
        this.window = window;
        this.minRefunds = minRefunds;
        this.minShareBasisPoints = minShareBasisPoints;
    }

    @Override
    public String name() {
        return "ecommerce-refund-abuse";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("windowDays", window.toDays(), "minRefunds", minRefunds, "minShareBasisPoints", minShareBasisPoints);
    }

    @Override
    public List<Finding> evaluate(Activity activity) {
        List<AmlTransaction> recent = activity.transactions().stream()
                .filter(t -> t.occurredAt().isAfter(activity.now().minus(window))).toList();
        List<AmlTransaction> refunds = recent.stream().filter(t -> t.kind() == AmlTransaction.Kind.REFUND
                && t.direction() == AmlTransaction.Direction.DEBIT).toList();
        long received = recent.stream().filter(t -> t.kind() == AmlTransaction.Kind.PAYMENT
                && t.direction() == AmlTransaction.Direction.CREDIT).mapToLong(AmlTransaction::cnyOrZero).sum();
        long refunded = refunds.stream().mapToLong(AmlTransaction::cnyOrZero).sum();
        if (refunds.size() >= minRefunds && received > 0
                && Math.multiplyExact(refunded, 10_000L) >= Math.multiplyExact(received, (long) minShareBasisPoints)) {
            return List.of(Finding.suspicious(name(), activity.party(), YearMonth.from(Activity.reportingDay(activity.now())).toString(),
                    refunds.size() + " refunds of " + Amounts.cny(refunded) + " against " + Amounts.cny(received) + " received within "
                            + window.toDays() + " days", refunded, refunds));
        }
        return List.of();
    }
}
