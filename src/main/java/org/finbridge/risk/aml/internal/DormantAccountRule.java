package org.finbridge.risk.aml.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dormant account waking up (长期闲置账户突然启用): no transaction for {@code dormancy}, then large sums
 * within days (PBoC Order 2016 No. 3 art. 11: "a long-dormant account suddenly used for large sums").
 */
public final class DormantAccountRule implements MonitoringRule {

    private final Duration dormancy;
    private final Duration wakeWindow;
    private final long minAmountCnyMinor;

    public DormantAccountRule(Duration dormancy, Duration wakeWindow, long minAmountCnyMinor) {
        this.dormancy = dormancy;
        this.wakeWindow = wakeWindow;
        this.minAmountCnyMinor = minAmountCnyMinor;
    }

    @Override
    public String name() {
        return "dormant-account-waking";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("dormancyDays", dormancy.toDays(), "wakeWindowDays", wakeWindow.toDays(), "minAmountCnyMinor", minAmountCnyMinor);
    }

    @Override
    public List<Finding> evaluate(Activity activity) {
        Instant previous = activity.previousActivityAt();
        List<AmlTransaction> all = activity.transactions();
        for (AmlTransaction t : all) {
            if (previous != null && !t.occurredAt().isBefore(previous.plus(dormancy))) {
                Instant woke = t.occurredAt();
                List<AmlTransaction> after = all.stream().filter(x -> !x.occurredAt().isBefore(woke)
                        && x.occurredAt().isBefore(woke.plus(wakeWindow))).toList();
                long total = after.stream().mapToLong(AmlTransaction::cnyOrZero).sum();
                if (total >= minAmountCnyMinor) {
                    return List.of(Finding.suspicious(name(), activity.party(), Activity.reportingDay(woke).toString(),
                            "first transaction after " + Duration.between(previous, woke).toDays() + " days without any; "
                                    + Amounts.cny(total) + " within " + wakeWindow.toDays() + " days", total, after));
                }
            }
            previous = t.occurredAt();
        }
        return List.of();
    }
}
