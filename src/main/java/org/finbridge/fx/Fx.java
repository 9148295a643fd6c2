package org.finbridge.fx;

import java.time.LocalDate;
import java.util.Optional;
import org.finbridge.ledger.AccountId;
import org.finbridge.money.CurrencyCode;

/**
 * FX for other modules: reference rates, quotes and their execution. The payments module uses it at
 * checkout ("the buyer pays in local currency, the merchant receives its settlement currency at a rate
 * locked at checkout"): {@link #quote} when the buyer confirms, {@link #execute} when the money is in.
 */
public interface Fx {

    /** The reference rate of the latest fixing on or before {@code date}. */
    ReferenceRateResult referenceRate(CurrencyCode base, CurrencyCode quote, LocalDate date);

    /** Prices and locks a quote for the request's owner. {@code actor} is recorded in the audit log. */
    QuoteResult quote(QuoteRequest request, String actor);

    Optional<Quote> find(QuoteId id);

    /** The conversion of an executed quote (what moved, between which accounts, in which transfers). */
    Optional<Conversion> conversion(QuoteId id);

    /**
     * Executes the quote once: sells from {@code debitAccount} (in the sell currency) and buys into
     * {@code creditAccount} (in the buy currency) through the FX liquidity accounts. Executing again,
     * concurrently or after a crash, never converts twice. The caller answers for the accounts being
     * the quote owner's to move (the HTTP edge executes only between the actor's own balances).
     */
    ExecutionResult execute(QuoteId id, AccountId debitAccount, AccountId creditAccount, String actor);

    /**
     * Executes the quote between its owner's available balances ({@link FxAccounts#merchantAvailable}),
     * opening them when missing.
     */
    ExecutionResult executeBetweenOwnBalances(QuoteId id, String actor);
}
