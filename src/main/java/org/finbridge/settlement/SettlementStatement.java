package org.finbridge.settlement;

import java.time.Instant;
import java.util.List;
import org.finbridge.party.PartyId;
import org.finbridge.payments.PaymentId;

/**
 * What one run moved for one merchant in one currency (Stripe's payout reconciliation report in
 * spirit): every line, and totals that add up:
 * {@code netToAvailable = released - recovered + reserveReleased - swept}.
 * Refunds and chargebacks after a release are netted against the next releases as RECOVERY lines.
 *
 * @param released money released from pending to available, minor units
 * @param recovered money taken back from available to pending for refunds or chargebacks after release
 * @param reserveWithheld money moved from pending into the rolling reserve
 * @param reserveReleased reserve returned to available after its holding days
 * @param netted what did not move because it was netted: where a run both releases and recovers, only the
 *               difference moves between pending and available, and this is the smaller of the two
 * @param swept what the merchant's creditors took from the releases in the run through the netting hook
 *              ({@link SettlementSweeps}), moved straight from pending to them instead of through available
 * @param takes those takes, each with its creditor's reference
 */
public record SettlementStatement(String id, SettlementRunId runId, PartyId merchantId, String currency, long released,
                                  long recovered, long reserveWithheld, long reserveReleased, long netToAvailable, long netted,
                                  long swept, List<Take> takes, List<Line> lines, Instant createdAt) {

    /** @param status POSTED with the run's release, or PENDING / REFUSED with it */
    public record Take(String reference, long amount, String transferId, String status) {
    }

    /**
     * @param kind RELEASE, RECOVERY, RESERVE_WITHHOLD or RESERVE_RELEASE
     * @param status POSTED or REFUSED (with the ledger's reason)
     */
    public record Line(PaymentId paymentId, String kind, long amount, String transferId, String status, String result) {
    }
}
