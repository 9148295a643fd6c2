package org.finbridge.supervision;

/**
 * The platform's quarterly report of its sellers' identity and income to the tax authority (国务院令第810号,
 * 2025-06-20: in the month after each quarter; regulations notes §1.3), built from supervision's payments read
 * model and the parties' public records.
 */
public interface PlatformTaxReports {

    /**
     * The report of a quarter as CSV, one line per seller and currency:
     * {@code merchant_id,legal_name,country,identifiers,currency,gross_income,refunds,net_income,payments}
     * with amounts in major units.
     *
     * @param quarter e.g. {@code 2026-Q3}
     */
    String quarterly(String quarter);
}
