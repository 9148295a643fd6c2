package org.finbridge.trade;

/** The ways the documents of one trade record can disagree. */
public enum MismatchKind {
    /** Order total, declared value and paid amount differ beyond the tolerance, or are in other currencies. */
    AMOUNT,
    /** The quantity ordered differs from the quantity declared. */
    QUANTITY,
    /** The merchant on the order is not the one on the declaration. */
    PARTIES,
    /** The order's goods and the declaration's goods have different HS subheadings. */
    HS_CODES,
    /** The documents' times are impossible: declared before ordered, shipped before ordered, delivered before picked up. */
    TIMING,
    /** The declaration names a waybill that is not one of the order's shipments. */
    WAYBILL
}
