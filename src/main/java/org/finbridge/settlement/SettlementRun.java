package org.finbridge.settlement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One settlement run: the work of one business date.
 *
 * <p>Lifecycle: CREATED (the date is claimed: one run per date, whichever node asks first), PLANNED
 * (every line and its ledger transfer id written in one transaction, before any money moves),
 * COMPLETED (every line answered by the ledger and the statements written). A run left PLANNED by a
 * crashed node is finished by whichever node claims it after its lease, with the same transfer ids.
 *
 * @param posted lines the ledger committed
 * @param refused lines the ledger refused (a recovery larger than the available balance, say): their
 *                payments are planned again by the next run
 */
public record SettlementRun(SettlementRunId id, LocalDate businessDate, Status status, int lines, int posted, int refused,
                            Instant createdAt, Instant completedAt) {

    public enum Status { CREATED, PLANNED, COMPLETED }
}
