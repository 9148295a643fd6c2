package org.finbridge.payments;

/**
 * Where a payment stands. The legal moves between these states are declared in one table (the payment
 * state machine in {@code internal}); everything else is refused as ILLEGAL_TRANSITION.
 *
 * <pre>
 * REQUIRES_CONFIRMATION ─confirm─▶ AUTHORIZED ─capture─▶ PARTIALLY_CAPTURED ─capture─▶ CAPTURED ─refund─▶ PARTIALLY_REFUNDED ─▶ REFUNDED
 *        │                    │   ├─void─▶ VOIDED          │ void / expiry: the rest is released ─▶ CAPTURED
 *        │                    │   └─expiry─▶ EXPIRED       CAPTURED / PARTIALLY_REFUNDED ─dispute─▶ DISPUTED ─evidence─▶ DISPUTE_EVIDENCE_SUBMITTED
 *        ├─▶ REQUIRES_ACTION (3-D Secure challenge, redirect, QR, virtual account, chain address) ─▶ PROCESSING ─▶ CAPTURED
 *        ├─▶ FAILED (declined)                                        won ─▶ back to CAPTURED / PARTIALLY_REFUNDED, lost ─▶ CHARGED_BACK
 *        └─cancel─▶ CANCELED
 * </pre>
 */
public enum PaymentState {
    /** Created; nothing has been asked of the connector yet. */
    REQUIRES_CONFIRMATION,
    /** Waiting for the buyer: a 3-D Secure challenge, a wallet redirect or QR code, a transfer to pay. */
    REQUIRES_ACTION,
    /** The buyer has paid but the connector's finality rule is not met yet (confirmations, clearing). */
    PROCESSING,
    /** Authorized: the amount is held in the ledger until captured, voided or expired. */
    AUTHORIZED,
    /** Part of the authorization captured; the rest is still held. */
    PARTIALLY_CAPTURED,
    /** Captured: the money is the merchant's (pending settlement). Push methods arrive here directly. */
    CAPTURED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    /** The buyer's bank has disputed the payment; the disputed amount was taken from the merchant. */
    DISPUTED,
    DISPUTE_EVIDENCE_SUBMITTED,
    /** The dispute was lost: the chargeback is final. */
    CHARGED_BACK,
    /** The authorization was released before any capture. */
    VOIDED,
    /** The authorization lapsed uncaptured. */
    EXPIRED,
    /** Abandoned before any money was authorized. */
    CANCELED,
    /** Declined by the connector, blocked by risk, or failed authentication. */
    FAILED;

    public boolean isTerminal() {
        return switch (this) {
            case REFUNDED, CHARGED_BACK, VOIDED, EXPIRED, CANCELED, FAILED -> true;
            default -> false;
        };
    }
}
