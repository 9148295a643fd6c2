package org.finbridge.risk.aml.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Split orders under the quota (拆单): a cross-border e-commerce import buyer pays one seller several times
 * on one day, each payment within the CNY 5,000 single-transaction limit of retail imports, together above
 * it (财关税〔2018〕49号, REGULATIONS §1.1; the limit is what grants the 0 % tariff and 70 % VAT rate, and
 * splitting also spends other people's annual quotas). One alert per buyer, day and seller.
 */
public final class SplitOrdersRule implements MonitoringRule {

    private final String importCountry;
    private final long singleLimitCnyMinor;
    private final int minPayments;

    public SplitOrdersRule(String importCountry, long singleLimitCnyMinor, int minPayments) {
        this.importCountry = importCountry;
        this.singleLimitCnyMinor = singleLimitCnyMinor;
        this.minPayments = minPayments;
    }

    @Override
    public String name() {
        return "ecommerce-split-orders";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("importCountry", importCountry, "singleLimitCnyMinor", singleLimitCnyMinor, "minPayments", minPayments);
    }

    @Override
    public List<Finding> evaluate(Activity activity) {
        if (!activity.naturalPerson() || !importCountry.equals(activity.country())) {
            return List.of();
        }
        Map<String, List<AmlTransaction>> byDayAndSeller = new LinkedHashMap<>();
        for (AmlTransaction t : activity.transactions()) {
            if (t.kind() == AmlTransaction.Kind.PAYMENT && t.direction() == AmlTransaction.Direction.DEBIT && t.crossBorder()
                    && t.cnyMinor() != null && t.cnyMinor() <= singleLimitCnyMinor && t.counterparty() != null) {
                byDayAndSeller.computeIfAbsent(Activity.reportingDay(t.occurredAt()) + ":" + t.counterparty(),
                        k -> new ArrayList<>()).add(t);
            }
        }
        List<Finding> findings = new ArrayList<>();
        byDayAndSeller.forEach((window, payments) -> {
            long total = payments.stream().mapToLong(AmlTransaction::cnyOrZero).sum();
            if (payments.size() >= minPayments && total > singleLimitCnyMinor) {
                findings.add(Finding.suspicious(name(), activity.party(), window, payments.size()
                        + " import payments to one seller in a day, each within " + Amounts.cny(singleLimitCnyMinor)
                        + ", together " + Amounts.cny(total), total, payments));
            }
        });
        return findings;
    }
}
