package org.finbridge.settlement;

import java.time.LocalDate;
import java.util.List;

/**
 * What reconciling one imported statement file did.
 *
 * @param matched lines matched to a payout
 * @param exceptions lines put in the exception queue
 * @param alreadyReconciled lines an earlier reconciliation of the file handled
 */
public record ReconciliationOutcome(String fileId, int lines, int matched, int alreadyReconciled, List<ExceptionLine> exceptions) {

    public record ExceptionLine(String lineId, ReconciliationReason reason, String payoutId, String endToEndId,
                                long amountMinorUnits, String currency, LocalDate valueDate) {
    }
}
