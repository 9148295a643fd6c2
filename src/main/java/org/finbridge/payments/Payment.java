package org.finbridge.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/**
 * A payment as its merchant sees it.
 *
 * <p>Lifecycle: created for a merchant with a requested amount and a method; confirmed, which asks the
 * risk policy and then a connector; then either authorized (cards: held in the ledger, captured in one
 * or more parts, voided, or expired after the authorization validity) or waiting for the buyer (push
 * methods) until the connector reports the money final, when it is captured in full. Captured money can
 * be refunded in parts and disputed by the buyer's bank. See {@link PaymentState}.
 *
 * <p>Requested and processed amounts are kept side by side (Kill Bill): {@code requested} is what the
 * merchant asked for, {@code processed} what the connector took, in the connector's settlement
 * currency; the running totals below are in the processed currency's minor units.
 *
 * @param authorized the amount the authorization held (0 before authorization)
 * @param captured the total captured so far
 * @param refunded the total refunded so far
 * @param disputed the amount taken back while a dispute is open
 * @param chargedBack the amount lost to a chargeback
 * @param feesAcquirer the connector's fees, taken at each capture
 * @param feesPlatform the platform's fees, taken at each capture
 * @param reserved the part of each capture put into the merchant's rolling reserve
 * @param settlement the checkout FX of a payment the merchant receives in another currency; null otherwise
 */
public record Payment(
        PaymentId id,
        PartyId merchantId,
        Buyer buyer,
        String orderReference,
        Money requested,
        Money processed,
        PaymentMethod method,
        CaptureMethod captureMethod,
        PaymentState state,
        String connector,
        String connectorReference,
        long authorized,
        long captured,
        long refunded,
        long disputed,
        long chargedBack,
        long feesAcquirer,
        long feesPlatform,
        long reserved,
        Instant authorizationExpiresAt,
        NextAction nextAction,
        String declineCode,
        String threeDSecure,
        Dispute dispute,
        List<Transaction> transactions,
        Instant createdAt,
        Instant updatedAt,
        Settlement settlement) {

    /**
     * The merchant's side of a payment in another currency than the buyer's: the rate locked when the
     * buyer confirmed (from FX quote {@code quoteId}), guaranteed until {@code rateGuaranteedUntil}, and
     * what the captures so far converted at it.
     *
     * @param rate units of the settlement currency per unit of the presentment currency the merchant gets
     * @param midRate the reference mid rate the quote was priced on; the difference is the platform's spread
     * @param settled what the merchant received so far, net of refunds, in the settlement currency
     * @param spread the platform's FX revenue on this payment, in the settlement currency
     */
    public record Settlement(Money settled, Money spread, BigDecimal rate, BigDecimal midRate, String quoteId,
                             Instant lockedAt, Instant rateGuaranteedUntil) {
    }

    /** A chargeback process started by the buyer's bank (one per payment). */
    public record Dispute(DisputeStatus status, long amount, String reason, String evidence, long fromReserve,
                          long fromPending, Instant openedAt, Instant closedAt) {
    }

    public enum DisputeStatus { OPENED, EVIDENCE_SUBMITTED, WON, LOST }

    /**
     * One step asked of the connector and the ledger (Kill Bill's payment transaction): AUTHORIZE,
     * CAPTURE, VOID, EXPIRE, REFUND, DISPUTE_OPEN, DISPUTE_WON, …
     *
     * @param status PENDING while in flight (or waiting for recovery), SUCCEEDED or FAILED
     */
    public record Transaction(int seq, String kind, long amount, String currency, String status, String declineCode,
                              Instant createdAt, Instant completedAt) {
    }
}
