package org.finbridge.trade;

import java.time.Instant;
import org.finbridge.money.CurrencyCode;

/**
 * What the buyer paid for an order: the payment's reference (the payment order of the three-document
 * match), amount and time.
 *
 * @param source who vouched for it: {@code "payments"} for the platform's own payments module,
 *               {@code "marketplace"} for a reference the marketplace pushed through the API
 */
public record PaidAmount(String paymentReference, CurrencyCode currency, long amountMinorUnits, Instant paidAt,
                         String source) {
}
