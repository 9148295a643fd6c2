package org.finbridge.risk.aml.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Structuring (拆分交易): several transactions each just under the large-value threshold that would apply
 * to it, within a few days, as if to stay out of the LTR (PBoC Order 2016 No. 3 art. 11 lists transactions
 * "deliberately split" among the suspicious features; FATF's structuring typology). "Just under" is the
 * band [threshold − band, threshold) in CNY equivalent; at the threshold itself the LTR applies instead.
 */
public final class StructuringRule implements MonitoringRule {

    private final int bandBasisPoints;
    private final int minTransactions;
    private final Duration window;

    public StructuringRule(int bandBasisPoints, int minTransactions, Duration window) {
        this.bandBasisPoints = bandBasisPoints;
        this.minTransactions = minTransactions;
        this.window = window;
    }

    @Override
    public String name() {
        return "structuring";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("bandBasisPoints", bandBasisPoints, "minTransactions", minTransactions, "windowHours", window.toHours());
    }

    boolean justUnder(AmlTransaction t) {
        if (t.cnyMinor() == null) {
            return false;
        }
        long threshold = t.ltrCategory().cnyMinor();
        long floor = threshold - Math.multiplyExact(threshold, (long) bandBasisPoints) / 10_000;
        return t.cnyMinor() >= floor && t.cnyMinor() < threshold;
    }

    @Override
    public List<Finding> evaluate(Activity activity) {
        List<AmlTransaction> near = activity.transactions().stream().filter(this::justUnder).toList();
        for (int end = near.size() - 1; end >= 0; end--) {
            AmlTransaction last = near.get(end);
            List<AmlTransaction> run = new ArrayList<>();
            for (AmlTransaction t : near) {
                if (t.direction() == last.direction() && !t.occurredAt().isAfter(last.occurredAt())
                        && t.occurredAt().isAfter(last.occurredAt().minus(window))) {
                    run.add(t);
                }
            }
            if (run.size() >= minTransactions) {
                long total = run.stream().mapToLong(AmlTransaction::cnyOrZero).sum();
                // one alert per customer, direction and the week in which the run began
                String window = Activity.reportingDay(run.getFirst().occurredAt()) + ":" + last.direction();
                return List.of(Finding.suspicious(name(), activity.party(), window, run.size() + " "
                        + last.direction().name().toLowerCase() + "s each just under the large-value threshold within "
                        + this.window.toHours() + " h, together " + Amounts.cny(total), total, run));
            }
        }
        return List.of();
    }
}
