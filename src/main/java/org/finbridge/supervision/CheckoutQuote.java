package org.finbridge.supervision;

import java.time.LocalDate;
import org.finbridge.money.Money;

/**
 * The import taxes of a consumer parcel and whether the checkout collects them.
 *
 * @param treatment {@code eu-ioss-checkout}, {@code eu-import-at-border}, {@code uk-checkout-vat},
 *                  {@code uk-import-at-border}, {@code us-de-minimis}, {@code us-formal-entry}
 * @param collectedAtCheckout true when the seller or marketplace charges the tax at checkout and remits it;
 *                            false when the buyer (or carrier) pays it at import
 */
public record CheckoutQuote(String treatment, Money vat, Money duty, Money total, boolean collectedAtCheckout,
                            LocalDate rulesDate) {
}
