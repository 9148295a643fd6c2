package org.finbridge.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily safeguarding (备付金) report: per currency, customer money the platform owes (merchants'
 * pending, available and reserve balances and payouts in transit, from the ledger) against the closing
 * balances of the safeguarding bank accounts (from their statements). Coverage below 100 % is a break;
 * its age is counted from the first day of the unbroken run of breaks (REGULATIONS §2: customer funds
 * 100 % segregated, reconciled daily with the custodian's camt.053).
 */
public record SafeguardingReport(LocalDate date, List<Line> lines) {

    /**
     * @param coveragePercent held / owed × 100 (2 decimals, rounded down so a shortfall never shows as 100.00), null when nothing is owed
     * @param breakAgeDays days since the break began, 0 when covered
     * @param balanceDate the statement date the held balance is from, or null when no statement was seen
     */
    public record Line(String currency, long owedMinorUnits, long heldMinorUnits, BigDecimal coveragePercent, long shortfallMinorUnits,
                       boolean alert, LocalDate breakSince, long breakAgeDays, LocalDate balanceDate) {
    }
}
