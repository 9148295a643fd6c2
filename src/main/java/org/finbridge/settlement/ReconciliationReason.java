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
    VALUE_DATE_SHIFTED
}
