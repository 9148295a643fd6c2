package org.finbridge.risk.aml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Over- and under-invoicing (trade-based money laundering, FATF/Egmont "Trade-Based Money Laundering",
 * 2020): the buyer paid far more, or far less, than the customs value the merchant declared for the same
 * order. The trade module's match already flags any difference beyond its small tolerance; this rule
 * raises an AML alert only where the gap reaches {@code toleranceBasisPoints} of the declared value,
 * in either direction, comparing both at the CNY reference rate. One alert per order.
 */
public final class InvoicingRule implements MonitoringRule {

    private final int toleranceBasisPoints;

    public InvoicingRule(int toleranceBasisPoints) {
        this.toleranceBasisPoints = toleranceBasisPoints;
    }

    @Override
    public String name() {
        return "ecommerce-invoicing-mismatch";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("toleranceBasisPoints", toleranceBasisPoints);
    }

    @Override
    public List<Finding> evaluate(Activity activity) {
        List<Finding> findings = new ArrayList<>();
        for (Activity.TradeComparison c : activity.trade()) {
            if (c.paidCnyMinor() == null || c.declaredCnyMinor() == null || c.declaredCnyMinor() <= 0) {
                continue;
            }
            long gap = Math.abs(c.paidCnyMinor() - c.declaredCnyMinor());
            if (Math.multiplyExact(gap, 10_000L) >= Math.multiplyExact(c.declaredCnyMinor(), (long) toleranceBasisPoints)) {
                String which = c.paidCnyMinor() > c.declaredCnyMinor() ? "over-invoicing" : "under-invoicing";
                findings.add(new Finding(name(), org.finbridge.risk.aml.ReportType.STR, null, activity.party(),
                        "order:" + c.orderNumber(), which + " on order " + c.orderNumber() + ": paid " + c.paid()
                        + " against a declared customs value of " + c.declared(), gap, List.of("order:" + c.orderNumber())));
            }
        }
        return findings;
    }
}
