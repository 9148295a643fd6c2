package org.finbridge.payments;

import org.finbridge.money.CurrencyCode;
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
 * @param settlementCurrency the currency the merchant receives when it differs from the buyer's
 *                           ({@code amount}'s, the presentment currency): the payment then locks an FX rate
 *                           when it is confirmed and converts each capture at it; null for no conversion
 */
public record NewPayment(PartyId merchantId, Money amount, String orderReference, Buyer buyer, PaymentMethod method,
                         CaptureMethod captureMethod, boolean confirm, CurrencyCode settlementCurrency) {

    /** A payment settled in the currency the buyer pays in. */
    public NewPayment(PartyId merchantId, Money amount, String orderReference, Buyer buyer, PaymentMethod method,
                      CaptureMethod captureMethod, boolean confirm) {
        this(merchantId, amount, orderReference, buyer, method, captureMethod, confirm, null);
    }

    /** The same request, the merchant receiving {@code currency}. */
    public NewPayment settledIn(CurrencyCode currency) {
        return new NewPayment(merchantId, amount, orderReference, buyer, method, captureMethod, confirm, currency);
    }
}
