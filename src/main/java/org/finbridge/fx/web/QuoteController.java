package org.finbridge.fx.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.finbridge.fx.ExecutionResult;
import org.finbridge.fx.FixedSide;
import org.finbridge.fx.Fx;
import org.finbridge.fx.Quote;
import org.finbridge.fx.QuoteRequest;
import org.finbridge.fx.QuoteResult;
import org.finbridge.party.Access;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quotes for merchants: ask ({@code POST /api/v1/fx/quotes}), read, and execute between the merchant's
 * own balances. A quote belongs to the party that asked; another party's quote answers 404.
 */
@RestController
class QuoteController {

    private final Fx fx;
    private final Clock clock;

    QuoteController(Fx fx, Clock clock) {
        this.fx = fx;
        this.clock = clock;
    }

    /**
     * Exactly one of {@code sellAmount} and {@code buyAmount}, in minor units. Numbers are taken as
     * {@link Number} so that a fraction (12.5, a major-unit amount by mistake) is refused rather than cut.
     */
    record AskQuote(String sellCurrency, String buyCurrency, Number sellAmount, Number buyAmount, Number lockSeconds) {
    }

    @PostMapping("/api/v1/fx/quotes")
    @Access(value = ApiScope.FX_TRADE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> ask(Actor actor, @RequestBody AskQuote body) {
        var sell = FxProblems.currency("sellCurrency", body.sellCurrency());
        var buy = FxProblems.currency("buyCurrency", body.buyCurrency());
        if ((body.sellAmount() == null) == (body.buyAmount() == null)) {
            return FxProblems.invalid("INVALID_FIELD", "sellAmount", "give exactly one of sellAmount and buyAmount");
        }
        FixedSide side = body.sellAmount() != null ? FixedSide.SELL : FixedSide.BUY;
        long amount = side == FixedSide.SELL ? FxProblems.whole("sellAmount", body.sellAmount())
                : FxProblems.whole("buyAmount", body.buyAmount());
        Duration lock = body.lockSeconds() == null ? null : Duration.ofSeconds(FxProblems.whole("lockSeconds", body.lockSeconds()));
        QuoteRequest request = new QuoteRequest(actor.partyId(), sell, buy, side, amount, lock);
        return switch (fx.quote(request, actor.name())) {
            case QuoteResult.Quoted q -> ResponseEntity.created(URI.create("/api/v1/fx/quotes/" + q.quote().id()))
                    .body(QuoteViews.QuoteView.of(q.quote(), clock.instant()));
            case QuoteResult.InvalidField f -> FxProblems.invalid("INVALID_FIELD", f.field(), f.reason());
            case QuoteResult.LockTooLong l -> Problems.response(HttpStatus.BAD_REQUEST, "LOCK_TOO_LONG",
                    "a " + l.tier() + " quote locks for at most " + l.longest().toSeconds() + " s; asked for "
                            + l.requested().toSeconds() + " s",
                    Map.of("longestLockSeconds", l.longest().toSeconds(), "tier", l.tier().name()));
            case QuoteResult.CurrencyNotQuoted c -> FxProblems.invalid("CURRENCY_NOT_QUOTED",
                    c.currency().equals(sell.code()) ? "sellCurrency" : "buyCurrency",
                    "no reference rate is published for " + c.currency());
            case QuoteResult.NoCurrentRate n -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "NO_CURRENT_RATE",
                    "no current reference rate for " + n.sell() + "/" + n.buy()
                            + (n.latestFixing() == null ? "" : "; the latest fixing is of " + n.latestFixing()));
            case QuoteResult.AmountTooSmall s -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "AMOUNT_TOO_SMALL", s.reason());
        };
    }

    @GetMapping("/api/v1/fx/quotes/{id}")
    @Access(value = ApiScope.FX_READ, kinds = PartyKind.MERCHANT)
    QuoteViews.QuoteView quote(Actor actor, @PathVariable String id) {
        return QuoteViews.QuoteView.of(owned(actor, id), clock.instant());
    }

    @PostMapping("/api/v1/fx/quotes/{id}/execute")
    @Access(value = ApiScope.FX_TRADE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> execute(Actor actor, @PathVariable String id) {
        Quote quote = owned(actor, id);
        return switch (fx.executeBetweenOwnBalances(quote.id(), actor.name())) {
            case ExecutionResult.Executed e -> ResponseEntity.ok(QuoteViews.ConversionView.of(e.conversion()));
            case ExecutionResult.QuoteNotFound n -> throw FxProblems.quoteNotFound(id);
            case ExecutionResult.QuoteExpired x -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "QUOTE_EXPIRED",
                    "the quote expired at " + x.expiredAt() + "; ask for a new one");
            case ExecutionResult.QuoteAlreadyUsed u -> alreadyUsed(u);
            case ExecutionResult.InsufficientFunds f -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "INSUFFICIENT_FUNDS",
                    "the " + quote.sell().currency() + " balance is less than " + quote.sell() + "; nothing was converted");
            case ExecutionResult.AccountMismatch m -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "ACCOUNT_MISMATCH", m.reason());
            case ExecutionResult.LedgerRefused r -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "LEDGER_REFUSED",
                    "the ledger refused the conversion: " + r.result(), Map.of("result", r.result().name()));
        };
    }

    /** A client retrying after a lost answer learns what its first call did: the conversion comes along. */
    private ResponseEntity<?> alreadyUsed(ExecutionResult.QuoteAlreadyUsed used) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("status", used.status().name());
        fx.conversion(used.id()).ifPresent(c -> properties.put("conversion", QuoteViews.ConversionView.of(c)));
        return Problems.response(HttpStatus.CONFLICT, "QUOTE_ALREADY_USED",
                "the quote is " + used.status() + "; a quote converts once", properties);
    }

    private Quote owned(Actor actor, String id) {
        return fx.find(FxProblems.quoteId(id)).filter(q -> actor.mayAccess(q.owner()))
                .orElseThrow(() -> FxProblems.quoteNotFound(id));
    }
}
