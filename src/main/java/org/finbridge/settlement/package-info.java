/**
 * Settlement: when captured money becomes the merchant's to pay out. Each merchant has a release
 * policy (a holding period of business days on a clearing calendar, or release on delivery; a rolling
 * reserve; a minimum amount). A settlement run per business date moves what its policy releases from the
 * merchant's {@code MERCHANT_PENDING} ledger account to {@code MERCHANT_AVAILABLE} (and reserve in and out
 * of {@code MERCHANT_RESERVE}), with ledger transfer ids derived from run, payment and kind, so that a
 * run resumed after a crash, or worked on by a second node, moves every amount exactly once. Every run
 * leaves a statement per merchant and currency.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Settlement")
package org.finbridge.settlement;
