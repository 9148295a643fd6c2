package org.finbridge.payments.internal;

import java.time.Instant;
import org.finbridge.payments.PaymentId;

/**
 * One step of a payment (Kill Bill's payment transaction): written PENDING with the ledger transfers it
 * will submit, completed SUCCEEDED or FAILED after the connector and the ledger answered.
 *
 * @param plan the step's ledger transfers ({@link TransferPlan} text), null until known
 */
record OperationRecord(PaymentId paymentId, int seq, Kind kind, long amount, String currency, boolean finalCapture,
                       String status, String actor, String plan, String connectorReference, String declineCode,
                       String detail, Instant createdAt, Instant completedAt) {

    enum Kind {
        AUTHORIZE, AUTHORIZE_AND_CAPTURE, SETTLE, CAPTURE, VOID, EXPIRE, REFUND, DISPUTE_OPEN, DISPUTE_WON, DISPUTE_LOST
    }

    static final String PENDING = "PENDING";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";

    /**
     * A step given up before anything moved: the connector was unavailable or the ledger refused its transfers
     * (a connector's decline also fails a step, but is an answer, kept in {@link #declineCode}).
     */
    boolean failedWithoutEffect() {
        return FAILED.equals(status) && declineCode == null;
    }

    /** The idempotency key this step sends to the connector: the same on every retry and recovery. */
    String connectorKey() {
        return paymentId + ":" + seq + ":" + kind;
    }

    /** The business key ledger transfer ids of this step derive from. */
    String transferKey(String leg) {
        return "payment:" + paymentId + ":" + seq + ":" + leg;
    }

    OperationRecord withPlan(String newPlan) {
        return new OperationRecord(paymentId, seq, kind, amount, currency, finalCapture, status, actor, newPlan,
                connectorReference, declineCode, detail, createdAt, completedAt);
    }
}
