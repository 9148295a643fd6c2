package org.finbridge.trade;

/**
 * A payment reference the marketplace pushes for one of its orders (the payment order of the
 * three-document match, when the payment was not taken through this platform).
 *
 * @param paidAt ISO-8601 instant
 */
public record NewPayment(String paymentReference, String currency, Long amountMinorUnits, String paidAt) {
}
