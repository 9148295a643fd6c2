package org.finbridge.fx;

import java.time.Duration;
import java.time.LocalDate;

/** The answer to a quote request: a quote, or the rule that refused it. */
public sealed interface QuoteResult {

    record Quoted(Quote quote) implements QuoteResult {
    }

    record InvalidField(String field, String reason) implements QuoteResult {
    }

    /** The lock asked for is longer than the party's tier allows. */
    record LockTooLong(Duration requested, Duration longest, PricingTier tier) implements QuoteResult {
    }

    /** The reference source never publishes this currency. */
    record CurrencyNotQuoted(String currency) implements QuoteResult {
    }

    /**
     * No fixing recent enough to price on: quoting on a stale reference would hand the party the
     * market's move since then.
     */
    record NoCurrentRate(String sell, String buy, LocalDate latestFixing) implements QuoteResult {
    }

    /** The amount is so small that the other side rounds to nothing. */
    record AmountTooSmall(String reason) implements QuoteResult {
    }
}
