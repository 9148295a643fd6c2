package org.finbridge.fx.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.finbridge.fx.Conversion;
import org.finbridge.fx.ExecutionResult;
import org.finbridge.fx.Fx;
import org.finbridge.fx.FxAccounts;
import org.finbridge.fx.Quote;
import org.finbridge.fx.QuoteId;
import org.finbridge.fx.QuoteRequest;
import org.finbridge.fx.QuoteResult;
import org.finbridge.fx.QuoteStatus;
import org.finbridge.fx.ReferenceRateResult;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.NewAccount;
import org.finbridge.ledger.Transfer;
import org.finbridge.money.CurrencyCode;
import org.springframework.stereotype.Service;

/** The module's API: each call handed to the component that owns it. */
@Service
class FxFacade implements Fx {

    private final ReferenceRates rates;
    private final QuoteDesk desk;
    private final QuoteStore quotes;
    private final ConversionService conversions;
    private final LedgerAccounts accounts;
    private final Clock clock;

    FxFacade(ReferenceRates rates, QuoteDesk desk, QuoteStore quotes, ConversionService conversions,
             LedgerAccounts accounts, Clock clock) {
        this.rates = rates;
        this.desk = desk;
        this.quotes = quotes;
        this.conversions = conversions;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public ReferenceRateResult referenceRate(CurrencyCode base, CurrencyCode quote, LocalDate date) {
        return rates.rate(base, quote, date);
    }

    @Override
    public QuoteResult quote(QuoteRequest request, String actor) {
        return desk.quote(request, actor);
    }

    @Override
    public Optional<Quote> find(QuoteId id) {
        return quotes.find(id);
    }

    @Override
    public Optional<Conversion> conversion(QuoteId id) {
        return quotes.find(id).filter(q -> q.storedStatus() == QuoteStatus.EXECUTED)
                .map(q -> new Conversion(q.id(), q.debitAccount(), q.creditAccount(), q.sell(), q.buy(), q.spread(),
                        ConversionLegs.of(q, q.debitAccount(), q.creditAccount()).stream().map(Transfer::id).toList(),
                        q.executedAt()));
    }

    @Override
    public ExecutionResult execute(QuoteId id, AccountId debitAccount,
                                   AccountId creditAccount, String actor) {
        return conversions.execute(id, debitAccount, creditAccount, actor);
    }

    /** Opens the owner's balances only for a quote that can still be executed and is funded: a refusal writes nothing. */
    @Override
    public ExecutionResult executeBetweenOwnBalances(QuoteId id, String actor) {
        Optional<Quote> found = quotes.find(id);
        if (found.isEmpty()) {
            return new ExecutionResult.QuoteNotFound(id);
        }
        Quote quote = found.get();
        NewAccount from = FxAccounts.merchantAvailable(quote.owner(), quote.sell().currency());
        NewAccount to = FxAccounts.merchantAvailable(quote.owner(), quote.buy().currency());
        if (quote.statusAt(clock.instant()) == QuoteStatus.OPEN) {
            Optional<ExecutionResult> shortOfFunds = conversions.shortOfFunds(quote, from.id());
            if (shortOfFunds.isPresent()) {
                return shortOfFunds.get();
            }
            if (!(accounts.open(from) && accounts.open(to))) {
                return new ExecutionResult.AccountMismatch(id, "the owner's " + FxAccounts.MERCHANT_AVAILABLE
                        + " account exists with other fields");
            }
        }
        return conversions.execute(id, from.id(), to.id(), actor);
    }
}
