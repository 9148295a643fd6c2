package org.finbridge.risk.aml.internal;

import java.time.Duration;
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

    @Override
    public List<Finding> evaluate(Activity activity) {
        List<AmlTransaction> all = activity.transactions();
        for (AmlTransaction out : all) {
            if (out.direction() != AmlTransaction.Direction.DEBIT) {
                continue;
            }
            List<AmlTransaction> inWindow = all.stream().filter(t -> !t.occurredAt().isAfter(out.occurredAt())
                    && !t.occurredAt().isBefore(out.occurredAt().minus(window))).toList();
            long in = inWindow.stream().filter(t -> t.direction() == AmlTransaction.Direction.CREDIT)
                    .mapToLong(AmlTransaction::cnyOrZero).sum();
            long outTotal = inWindow.stream().filter(t -> t.direction() == AmlTransaction.Direction.DEBIT)
                    .mapToLong(AmlTransaction::cnyOrZero).sum();
            if (in >= minInflowCnyMinor && Math.multiplyExact(outTotal, 10_000L) >= Math.multiplyExact(in, (long) minOutShareBasisPoints)) {
                return List.of(Finding.suspicious(name(), activity.party(), Activity.reportingDay(out.occurredAt()).toString(),
                        Amounts.cny(in) + " in and " + Amounts.cny(outTotal) + " out within " + window.toHours() + " h",
                        outTotal, inWindow));
            }
        }
        return List.of();
    }
}
