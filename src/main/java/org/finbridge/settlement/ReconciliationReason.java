package org.finbridge.settlement;

/** Why a bank statement line or an expected movement went to the exception queue instead of matching. */
public enum ReconciliationReason {
    /** A line with no payout or transfer behind it, or an expected movement the bank never booked. */
    MISSING,
    /** A second line for a movement already matched. */
    DUPLICATE,
    /** The amounts differ by more than a bank fee could explain. */
    AMOUNT_DIFFERS,
    /** The bank booked the amount less (a credit) or plus (a debit) a charge within the fee tolerance. */
    BANK_FEE_DEDUCTED,
    /** The amount is right but the value date is outside the window around the expected date. */
    VALUE_DATE_SHIFTED,
    /** Three-way: the ledger booked a connector's activity for the day, and its settlement report has none. */
    MISSING_IN_REPORT,
    /** Three-way: a connector reported a settlement for the day that no bank statement credits. */
    MISSING_IN_BANK,
    /** Three-way: the connector's fee is not the fee the ledger booked. */
    FEE_DIFFERS,
    /** Three-way: the connector's gross or net is not the ledger's, or the bank credited another amount than the net. */
    NET_DIFFERS,
    /** Three-way: the connector's conversion of the net does not hold at its own rate, or the bank credited another amount. */
    FX_DIFFERS
}
