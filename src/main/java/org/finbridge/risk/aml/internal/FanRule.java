package org.finbridge.risk.aml.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fan-in (many payers into one account, 分散转入集中转出's first half) and fan-out (one account paying
 * many), PBoC Order 2016 No. 3 art. 11 and FATF's collection/funnel-account typology. Many small buyers
 * paying a merchant is commerce, so the rule asks for many distinct counterparties <em>and</em> a large
 * total <em>and</em> a large average per counterparty within the window.
 */
public final class FanRule implements MonitoringRule {

    private final AmlTransaction.Direction direction;
    private final Duration window;
    private final int minCounterparties;
    private final long minTotalCnyMinor;
    private final long minAverageCnyMinor;

    public FanRule(AmlTransaction.Direction direction, Duration window, int minCounterparties, long minTotalCnyMinor,
                   long minAverageCnyMinor) {
        this.direction = direction;
        this.window = window;
        this.minCounterparties = minCounterparties;
        this.minTotalCnyMinor = minTotalCnyMinor;
        this.minAverageCnyMinor = minAverageCnyMinor;
    }

    @Override
    public String name() {
        return direction == AmlTransaction.Direction.CREDIT ? "fan-in" : "fan-out";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("windowHours", window.toHours(), "minCounterparties", minCounterparties,
                "minTotalCnyMinor", minTotalCnyMinor, "minAverageCnyMinor", minAverageCnyMinor);
    }

    /**
     * One pass over the legs (oldest first, as {@link Activity} keeps them) with a sliding window: for each
     * distinct time T, the legs in (T - window, T]. The first window that meets all three conditions is the
     * finding. Linear in the customer's activity, which a busy merchant's 60 days make large.
     */
    @Override
    public List<Finding> evaluate(Activity activity) {
        List<AmlTransaction> legs = activity.transactions().stream()
                .filter(t -> t.direction() == direction && t.counterparty() != null).toList();
        Map<String, Integer> perCounterparty = new HashMap<>();
        long total = 0;
        int lo = 0;
        int hi = 0; // the window is legs[lo, hi)
        while (hi < legs.size()) {
            Instant at = legs.get(hi).occurredAt();
            for (; hi < legs.size() && legs.get(hi).occurredAt().equals(at); hi++) {
                perCounterparty.merge(legs.get(hi).counterparty(), 1, Integer::sum);
                total += legs.get(hi).cnyOrZero();
            }
            Instant from = at.minus(window);
            for (; !legs.get(lo).occurredAt().isAfter(from); lo++) {
                perCounterparty.computeIfPresent(legs.get(lo).counterparty(), (k, n) -> n == 1 ? null : n - 1);
                total -= legs.get(lo).cnyOrZero();
            }
            long counterparties = perCounterparty.size();
            if (counterparties >= minCounterparties && total >= minTotalCnyMinor
                    && total / counterparties >= minAverageCnyMinor) {
                List<AmlTransaction> inWindow = List.copyOf(legs.subList(lo, hi));
                return List.of(Finding.suspicious(name(), activity.party(),
                        Activity.reportingDay(inWindow.getFirst().occurredAt()).toString(),
                        counterparties + " distinct counterparties, " + Amounts.cny(total) + " within " + window.toHours() + " h",
                        total, inWindow));
            }
        }
        return List.of();
    }
}
