package org.finbridge.fx.internal;

import org.finbridge.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.finbridge.fx.Conversion;
import org.finbridge.fx.ExecutionResult;
import org.finbridge.fx.FxAccounts;
import org.finbridge.fx.Quote;
import org.finbridge.fx.QuoteExecuted;
import org.finbridge.fx.QuoteId;
import org.finbridge.fx.QuoteStatus;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.AccountFlag;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerBusyException;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.CurrencyCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes quotes through the ledger, which commits in its own transaction. Hence the order, after
 * TigerBeetle's reliable-submission advice: claim the quote (OPEN → EXECUTING, one winner), submit
 * the legs with ids derived from the quote, then record the outcome. A crash after the claim leaves
 * the quote EXECUTING; {@link ConversionRecovery} resubmits the same legs (the ledger answers EXISTS
 * or applies them once) and finishes, so no path converts twice.
 */
@Component
class ConversionService {

    private final QuoteStore quotes;
    private final Ledger ledger;
    private final LedgerAccounts accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ConversionService(QuoteStore quotes, Ledger ledger, LedgerAccounts accounts, AuditLog audit,
                      ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.quotes = quotes;
        this.ledger = ledger;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    ExecutionResult execute(QuoteId id, AccountId debit, AccountId credit, String actor) {
        Optional<Quote> found = quotes.find(id);
        if (found.isEmpty()) {
            return new ExecutionResult.QuoteNotFound(id);
        }
        Quote quote = found.get();
        Instant now = clock.instant();
        Optional<ExecutionResult> refused = notExecutable(quote, now)
                .or(() -> mismatch(quote, debit, quote.sell().currency(), "debit"))
                .or(() -> mismatch(quote, credit, quote.buy().currency(), "credit"))
                .or(() -> shortOfFunds(quote, debit))
                .or(() -> openPlatformAccounts(quote));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!quotes.claim(id, debit, credit, now)) {
            // another request claimed it, or the lock ran out, between the read and the claim
            return notExecutable(quotes.find(id).orElseThrow(), now)
                    .orElseGet(() -> new ExecutionResult.QuoteAlreadyUsed(id, QuoteStatus.EXECUTING));
        }
        Quote claimed = quotes.find(id).orElseThrow();
        return submit(claimed, actor);
    }

    /**
     * Submits the claimed quote's legs and records the outcome. Busy: nothing applied, the claim is
     * released. Unknown outcome ({@code LedgerUnavailableException}): the claim stays for recovery.
     */
    ExecutionResult submit(Quote claimed, String actor) {
        List<Transfer> legs = ConversionLegs.of(claimed, claimed.debitAccount(), claimed.creditAccount());
        List<TransferResult> results;
        try {
            results = ledger.submit(legs);
        } catch (LedgerBusyException busy) {
            quotes.release(claimed.id());
            throw busy;
        }
        if (results.stream().allMatch(TransferResult::isCommitted)) {
            return new ExecutionResult.Executed(complete(claimed, legs, actor));
        }
        return refusal(claimed, results);
    }

    private Conversion complete(Quote quote, List<Transfer> legs, String actor) {
        Instant now = clock.instant();
        Conversion conversion = new Conversion(quote.id(), quote.debitAccount(), quote.creditAccount(), quote.sell(),
                quote.buy(), quote.spread(), legs.stream().map(Transfer::id).toList(), now);
        transaction.executeWithoutResult(status -> {
            if (quotes.complete(quote.id(), now)) {
                audit.record(actor, "fx.quote.execute", "fx_quote", quote.id().toString(), "OPEN",
                        "EXECUTED sold " + quote.sell() + " from " + quote.debitAccount() + ", bought " + quote.buy()
                                + " into " + quote.creditAccount() + ", spread " + quote.spread());
                events.publishEvent(new QuoteExecuted(quote.id(), quote.owner(), quote.sell(), quote.buy(), quote.spread(), now));
            }
        });
        return conversion;
    }

    private ExecutionResult refusal(Quote quote, List<TransferResult> results) {
        boolean nothingApplied = results.stream()
                .noneMatch(r -> r.isCommitted() || r == TransferResult.EXISTS_WITH_DIFFERENT_FIELDS);
        if (nothingApplied) {
            quotes.release(quote.id());
        }
        TransferResult cause = results.stream()
                .filter(r -> !r.isCommitted() && r != TransferResult.LINKED_EVENT_FAILED).findFirst()
                .orElse(TransferResult.LINKED_EVENT_FAILED);
        if (cause == TransferResult.EXCEEDS_CREDITS && results.get(0) == TransferResult.EXCEEDS_CREDITS) {
            return new ExecutionResult.InsufficientFunds(quote.id(), quote.debitAccount().toString());
        }
        return new ExecutionResult.LedgerRefused(quote.id(), cause);
    }

    private static Optional<ExecutionResult> notExecutable(Quote quote, Instant now) {
        return switch (quote.statusAt(now)) {
            case OPEN -> Optional.empty();
            case EXPIRED -> Optional.of(new ExecutionResult.QuoteExpired(quote.id(), quote.expiresAt()));
            case EXECUTING, EXECUTED -> Optional.of(new ExecutionResult.QuoteAlreadyUsed(quote.id(), quote.storedStatus()));
        };
    }

    /**
     * Refuses early, before any account is opened, when an account that cannot be overdrawn holds less
     * than the quote sells: a refusal changes nothing. The ledger checks again when the legs commit.
     */
    Optional<ExecutionResult> shortOfFunds(Quote quote, AccountId debit) {
        Optional<Account> a = ledger.account(debit);
        boolean lacking = a.isEmpty() || (a.get().has(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                && a.get().availableCreditBalance().minorUnits() < quote.sell().minorUnits());
        return lacking ? Optional.of(new ExecutionResult.InsufficientFunds(quote.id(), debit.toString())) : Optional.empty();
    }

    private Optional<ExecutionResult> mismatch(Quote quote, AccountId account, CurrencyCode currency, String side) {
        Optional<Account> a = ledger.account(account);
        if (a.isEmpty()) {
            return Optional.of(new ExecutionResult.AccountMismatch(quote.id(), "the " + side + " account " + account + " does not exist"));
        }
        if (!a.get().currency().equals(currency)) {
            return Optional.of(new ExecutionResult.AccountMismatch(quote.id(), "the " + side + " account " + account
                    + " holds " + a.get().currency() + ", the quote needs " + currency));
        }
        return Optional.empty();
    }

    private Optional<ExecutionResult> openPlatformAccounts(Quote quote) {
        boolean open = accounts.open(FxAccounts.liquidity(quote.sell().currency()))
                && accounts.open(FxAccounts.liquidity(quote.buy().currency()))
                && accounts.open(FxAccounts.revenue(quote.buy().currency()));
        return open ? Optional.empty()
                : Optional.of(new ExecutionResult.AccountMismatch(quote.id(), "an FX account exists with other fields"));
    }
}
