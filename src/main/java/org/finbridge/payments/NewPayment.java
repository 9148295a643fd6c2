package org.finbridge.payments;

import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/**
 * A request to create a payment. The method is already tokenized: a card number never reaches this
 * record.
 *
 * @param amount what the merchant asks for (the requested amount, positive, in minor units)
 * @param orderReference the merchant's own order number, up to 100 characters
 * @param captureMethod for cards: capture at once or later; push methods always settle in full
 * @param confirm confirm at once (Stripe's {@code confirm=true}), sparing the client a second call
 */
public record NewPayment(PartyId merchantId, Money amount, String orderReference, Buyer buyer, PaymentMethod method,
                         CaptureMethod captureMethod, boolean confirm) {
}
