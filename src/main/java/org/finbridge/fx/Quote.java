package org.finbridge.fx;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.finbridge.ledger.AccountId;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/**
 * A price locked for one party: sell {@code sell} to receive {@code buy}. The platform's liquidity
 * pays out the mid-market value of {@code sell}; {@code buy} goes to the party and {@code spread} (the
 * rest, in the buy currency) to the platform's FX revenue.
 *
 * <p>Lifecycle: created OPEN with an expiry; executed at most once before it expires (see
 * {@link QuoteStatus}); after that it is history.
 *
 * @param midRate units of the buy currency per 1 unit of the sell currency, from the reference fixing
 * @param clientRate the rate the party gets: the mid rate less the spread
 * @param debitAccount the account sold from, once the quote is claimed for execution
 * @param creditAccount the account bought into, once claimed
 */
public record Quote(QuoteId id, PartyId owner, FixedSide fixedSide, Money sell, Money buy, Money spread,
                    BigDecimal midRate, BigDecimal clientRate, Pricing pricing, Instant createdAt,
                    Instant expiresAt, QuoteStatus storedStatus, AccountId debitAccount, AccountId creditAccount,
                    Instant executedAt) {

    /**
     * How the price was set.
     *
     * @param source the reference-rate source ("ECB") and {@code fixingDate} the fixing it published
     * @param spreadBasisPoints the corridor's spread as charged to the tier
     * @param lockPremiumBasisPoints what a longer lock adds (Stripe's "duration premium"): the platform
     *                               carries the market's move until the quote expires
     */
    public record Pricing(String source, LocalDate fixingDate, Corridor corridor, PricingTier tier,
                          int spreadBasisPoints, int lockPremiumBasisPoints) {

        /** The whole margin below the mid rate. */
        public int totalBasisPoints() {
            return spreadBasisPoints + lockPremiumBasisPoints;
        }
    }

    public Duration lock() {
        return Duration.between(createdAt, expiresAt);
    }

    /** The status at {@code now}: an OPEN quote is EXPIRED from its expiry instant on. */
    public QuoteStatus statusAt(Instant now) {
        return storedStatus == QuoteStatus.OPEN && !now.isBefore(expiresAt) ? QuoteStatus.EXPIRED : storedStatus;
    }
}
