package org.finbridge.party;

import org.finbridge.money.Money;

/**
 * A buyer's KYC tier and what it may pay, in USD minor units (other currencies are compared at the
 * reference rate by the payments module).
 *
 * <ul>
 *   <li>ANONYMOUS: below USD 1,000 a payment, the FATF R.16 threshold above which a cross-border
 *       transfer must carry verified originator information; USD 3,000 over 30 days (platform policy,
 *       against splitting one purchase into many).</li>
 *   <li>VERIFIED: up to USD 50,000 a payment and over 30 days, the individual's annual foreign-exchange
 *       facilitation quota in China (REGULATIONS §2), above which documentary evidence is needed.</li>
 * </ul>
 */
public enum BuyerTier {
    ANONYMOUS(99_999, 300_000),
    VERIFIED(5_000_000, 5_000_000);

    private final long perPaymentUsdCents;
    private final long per30DaysUsdCents;

    BuyerTier(long perPaymentUsdCents, long per30DaysUsdCents) {
        this.perPaymentUsdCents = perPaymentUsdCents;
        this.per30DaysUsdCents = per30DaysUsdCents;
    }

    public Money perPaymentLimit() {
        return Money.ofMinor(perPaymentUsdCents, "USD");
    }

    public Money per30DaysLimit() {
        return Money.ofMinor(per30DaysUsdCents, "USD");
    }
}
