package org.finbridge.risk.aml.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.risk.aml.ReportType;

/**
 * A large-value transaction trigger (PBoC Order 2016 No. 3 art. 5, REGULATIONS §4.2): per customer, per
 * calendar day in China and per direction, the renminbi transactions of the category summed against the
 * CNY threshold and the foreign-currency ones, at their USD equivalent, against the USD threshold. Either
 * reaching its threshold ("≥") raises the day's LTR alert, which becomes a report once the day is over.
 */
public final class LargeValueRule implements MonitoringRule {

    private final LargeValueThreshold threshold;

    public LargeValueRule(LargeValueThreshold threshold) {
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "large-value-" + threshold.featureCode();
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("featureCode", threshold.featureCode(), "cnyMinor", threshold.cnyMinor(),
                "usdMinor", threshold.usdMinor());
    }

    @Override
    public List<Finding> evaluate(Activity activity) {
        Map<String, List<AmlTransaction>> byDay = new LinkedHashMap<>();
        for (AmlTransaction t : activity.transactions()) {
            if (t.ltrCategory() == threshold) {
                byDay.computeIfAbsent(Activity.reportingDay(t.occurredAt()) + ":" + t.direction(), k -> new ArrayList<>()).add(t);
            }
        }
        List<Finding> findings = new ArrayList<>();
        byDay.forEach((window, transactions) -> {
            long cny = 0;
            long usd = 0;
            long cnyEquivalent = 0;
            for (AmlTransaction t : transactions) {
                if (t.inCny()) {
                    cny += t.amount().minorUnits();
                } else {
                    usd += t.usdOrZero();
                }
                cnyEquivalent += t.cnyOrZero();
            }
            if (cny >= threshold.cnyMinor() || usd >= threshold.usdMinor()) {
                LocalDate day = LocalDate.parse(window.substring(0, window.indexOf(':')));
                String direction = window.substring(window.indexOf(':') + 1);
                findings.add(new Finding(name(), ReportType.LTR, threshold.featureCode(), activity.party(), window,
                        "LTR " + threshold.featureCode() + ": " + direction.toLowerCase() + "s on " + day + " of "
                                + Amounts.cny(cny) + " in renminbi and " + Amounts.usd(usd) + " equivalent in foreign currency"
                                + " (thresholds " + Amounts.cny(threshold.cnyMinor()) + " / " + Amounts.usd(threshold.usdMinor()) + ")",
                        cnyEquivalent, transactions.stream().map(AmlTransaction::id).toList()));
            }
        });
        return findings;
    }
}
