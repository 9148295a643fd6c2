package org.finbridge.risk.aml.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    @Override
    public List<Finding> evaluate(Activity activity) {
        List<AmlTransaction> legs = activity.transactions().stream()
                .filter(t -> t.direction() == direction && t.counterparty() != null).toList();
        for (AmlTransaction last : legs) {
            List<AmlTransaction> inWindow = legs.stream().filter(t -> !t.occurredAt().isAfter(last.occurredAt())
                    && t.occurredAt().isAfter(last.occurredAt().minus(window))).toList();
            long counterparties = inWindow.stream().map(AmlTransaction::counterparty).filter(Objects::nonNull).distinct().count();
            long total = inWindow.stream().mapToLong(AmlTransaction::cnyOrZero).sum();
            if (counterparties >= minCounterparties && total >= minTotalCnyMinor
                    && total / counterparties >= minAverageCnyMinor) {
                return List.of(Finding.suspicious(name(), activity.party(),
                        Activity.reportingDay(inWindow.getFirst().occurredAt()).toString(),
                        counterparties + " distinct counterparties, " + Amounts.cny(total) + " within " + window.toHours() + " h",
                        total, inWindow));
            }
        }
        return List.of();
    }
}
