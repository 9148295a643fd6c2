package org.finbridge.risk.fraud.internal;

/**
 * One authorization attempt as fraud scoring sees it, whether it comes from a real payment or from the
 * transaction simulator: who, with what, from where, how much and when. Unknown signals are null.
 *
 * @param atMillis when the attempt was made (epoch milliseconds)
 * @param reference the payment's id (or the simulator's transaction number), to attach later outcomes
 * @param merchantCreatedMillis when the merchant was onboarded, or -1 when unknown
 * @param card the card fingerprint, or for other methods the paying account's identifier; null if none
 * @param bin the card's first six digits, null for other methods
 * @param binCountry the issuing country of the card's BIN, when known
 * @param buyerAccount the registered buyer party (or simulated account), null for guest checkouts
 * @param accountCreatedMillis when that buyer account was opened, or -1 when unknown
 * @param amountMajor the amount in major units of {@code currency} (a double: a feature, never money)
 * @param card3ds whether the method is a card (3-D Secure can be asked for)
 */
public record Transaction(long atMillis, String reference, String merchant, String merchantCountry,
                          long merchantCreatedMillis, String card, String bin,
                          String binCountry, String email, String ip, String ipCountry, String device,
                          String shippingCountry, String buyerAccount, long accountCreatedMillis, double amountMajor,
                          String currency, boolean card3ds) {
}
