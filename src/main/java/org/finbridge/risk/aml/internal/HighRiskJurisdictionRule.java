package org.finbridge.risk.aml.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.party.FatfJurisdictions;

/**
 * Money to or from a FATF high-risk jurisdiction (REGULATIONS §4.3 country-risk table): a counterparty in
 * a call-for-action country is raised whatever the amount (countermeasures / enhanced due diligence); one
 * under increased monitoring from {@code greyMinUsdMinor} (the FATF R.16 USD 1,000 line above which the
 * originator and beneficiary must be fully identified). One alert per customer, day and country. The
 * lists are the party module's ({@link FatfJurisdictions}), the same the risk-tier suggestion reads.
 */
public final class HighRiskJurisdictionRule implements MonitoringRule {

    private final long greyMinUsdMinor;

    public HighRiskJurisdictionRule(long greyMinUsdMinor) {
        this.greyMinUsdMinor = greyMinUsdMinor;
    }

    @Override
    public String name() {
        return "fatf-high-risk-jurisdiction";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("callForAction", FatfJurisdictions.CALL_FOR_ACTION.stream().sorted().toList(),
                "increasedMonitoring", FatfJurisdictions.INCREASED_MONITORING.stream().sorted().toList(),
                "greyMinUsdMinor", greyMinUsdMinor);
    }

    @Override
    public List<Finding> evaluate(Activity activity) {
        Map<String, List<AmlTransaction>> byDayAndCountry = new LinkedHashMap<>();
        for (AmlTransaction t : activity.transactions()) {
            String country = t.counterpartyCountry();
            boolean black = FatfJurisdictions.isCallForAction(country);
            boolean grey = FatfJurisdictions.isUnderIncreasedMonitoring(country) && t.usdOrZero() >= greyMinUsdMinor;
            if (black || grey) {
                byDayAndCountry.computeIfAbsent(Activity.reportingDay(t.occurredAt()) + ":" + country, k -> new ArrayList<>()).add(t);
            }
        }
        List<Finding> findings = new ArrayList<>();
        byDayAndCountry.forEach((window, transactions) -> {
            String country = window.substring(window.indexOf(':') + 1);
            long total = transactions.stream().mapToLong(AmlTransaction::cnyOrZero).sum();
            findings.add(Finding.suspicious(name(), activity.party(), window, transactions.size() + " transaction(s) with a counterparty in "
                    + country + (FatfJurisdictions.isCallForAction(country) ? " (FATF call for action)" : " (FATF increased monitoring)")
                    + ", " + Amounts.cny(total), total, transactions));
        });
        return findings;
    }
}
