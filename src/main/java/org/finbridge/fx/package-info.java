/**
 * Foreign exchange: reference rates, quotes with a locked rate, and conversions through the ledger.
 *
 * <p><b>Reference rates</b> are the ECB's euro reference rates (units of a currency per 1 EUR, one
 * fixing a working day), imported from the shipped history and, where enabled, the ECB's daily feed
 * ({@link org.finbridge.fx.RateProvider}). Any pair is crossed through EUR.
 *
 * <p><b>Quotes</b> (after Stripe's FX Quotes and Mojaloop's FX quotes): a party asks to sell or buy an
 * amount; the quote prices it at the mid rate less a spread set by the corridor and the party's pricing
 * tier, and locks that price until it expires. A quote is executed at most once, and never after its
 * expiry.
 *
 * <p><b>Conversions</b> follow TigerBeetle's currency-exchange recipe: one linked chain of ledger
 * transfers through the platform's FX liquidity account of each currency, with the spread booked as
 * its own leg to an FX revenue account. The liquidity accounts' balances are the platform's position
 * per currency ({@link org.finbridge.fx.FxExposure}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "FX",
        allowedDependencies = {"money", "ledger", "party", "audit", "platform"})
package org.finbridge.fx;
