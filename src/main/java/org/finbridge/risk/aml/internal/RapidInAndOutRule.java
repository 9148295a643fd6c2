package org.finbridge.risk.aml.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Rapid in-and-out (快进快出): money received and sent on almost in full within hours, the account used as
 * a pass-through (PBoC Order 2016 No. 3 art. 11 and the PBoC's suspicious-feature guidance: "funds
 * transferred out shortly after being transferred in"; FATF's pass-through / pay-through accounts).
 * Raised when, in the window before an outgoing transaction, inflows reached {@code minInflowCnyMinor} and
 * outflows reached {@code minOutShareBasisPoints} of them.
 */
public final class RapidInAndOutRule implements MonitoringRule {

    private final Duration window;
    private final long minInflowCnyMinor;
    private final int minOutShareBasisPoints;

    public RapidInAndOutRule(Duration window, long minInflowCnyMinor, int minOutShareBasisPoints) {
        this.window = window;
        this.minInflowCnyMinor = minInflowCnyMinor;
        this.minOutShareBasisPoints = minOutShareBasisPoints;
    }

    @Override
    public String name() {
        return "rapid-in-and-out";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("windowHours", window.toHours(), "minInflowCnyMinor", minInflowCnyMinor,
                "minOutShareBasisPoints", minOutShareBasisPoints);
    }

    /**
     * For each outgoing leg (oldest first), the legs in [its time - window, its time], ties included; the
     * first window whose outflow reaches the share of its inflow is the finding. Running sums over a
     * sliding window keep this linear in the customer's activity.
     */
    @Override
    public List<Finding> evaluate(Activity activity) {
        List<AmlTransaction> all = activity.transactions();
        long in = 0;
        long outTotal = 0;
        int lo = 0;
        int hi = 0; // the window is all[lo, hi)
        for (AmlTransaction out : all) {
            if (out.direction() != AmlTransaction.Direction.DEBIT) {
                continue;
            }
            for (; hi < all.size() && !all.get(hi).occurredAt().isAfter(out.occurredAt()); hi++) {
                if (all.get(hi).direction() == AmlTransaction.Direction.CREDIT) {
                    in += all.get(hi).cnyOrZero();
                } else {
                    outTotal += all.get(hi).cnyOrZero();
                }
            }
            Instant from = out.occurredAt().minus(window);
            for (; all.get(lo).occurredAt().isBefore(from); lo++) {
                if (all.get(lo).direction() == AmlTransaction.Direction.CREDIT) {
                    in -= all.get(lo).cnyOrZero();
                } else {
                    outTotal -= all.get(lo).cnyOrZero();
                }
            }
            if (in >= minInflowCnyMinor && Math.multiplyExact(outTotal, 10_000L) >= Math.multiplyExact(in, (long) minOutShareBasisPoints)) {
                return List.of(Finding.suspicious(name(), activity.party(), Activity.reportingDay(out.occurredAt()).toString(),
                        Amounts.cny(in) + " in and " + Amounts.cny(outTotal) + " out within " + window.toHours() + " h",
                        outTotal, List.copyOf(all.subList(lo, hi))));
            }
        }
        return List.of();
    }
}
