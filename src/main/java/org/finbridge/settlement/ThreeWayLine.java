package org.finbridge.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One connector, day and currency as the three-way reconciliation saw it: the ledger's side (captures less
 * refunds, and the acquirer's fee, booked on the connector's clearing account), the connector's settlement
 * report, and what the bank credited for it. Null where a side has nothing. Amounts in minor units.
 *
 * @param status MATCHED, or BREAK with its {@code reasons}
 */
public record ThreeWayLine(String connector, LocalDate date, String currency, Long ledgerGross, Long ledgerFee,
                           Long reportGross, Long reportFee, Long reportNet, BigDecimal fxRate, String settlementCurrency,
                           Long settlementNet, Long bankAmount, List<String> bankReferences, String status,
                           List<ReconciliationReason> reasons) {
}
