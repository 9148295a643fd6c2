package org.finbridge.fx.internal;

import org.finbridge.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.finbridge.fx.Corridor;
import org.finbridge.fx.FixedSide;
import org.finbridge.fx.PricingTier;
import org.finbridge.fx.PricingTiers;
import org.finbridge.fx.Quote;
import org.finbridge.fx.QuoteId;
import org.finbridge.fx.QuoteRequest;
import org.finbridge.fx.QuoteResult;
import org.finbridge.fx.QuoteStatus;
import org.finbridge.fx.ReferenceRate;
import org.finbridge.fx.ReferenceRateResult;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.money.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prices and locks quotes. The checks run in the order a client can fix them: the request itself, the
 * lock its tier allows, then whether there is a current rate to price on.
 */
@Component
class QuoteDesk {

    private final ReferenceRates rates;
    private final PricingTiers tiers;
    private final QuoteStore quotes;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final FxProperties properties;
    private final Clock clock;

    QuoteDesk(ReferenceRates rates, PricingTiers tiers, QuoteStore quotes, AuditLog audit, TransactionTemplate transaction,
              FxProperties properties, Clock clock) {
        this.rates = rates;
        this.tiers = tiers;
        this.quotes = quotes;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    QuoteResult quote(QuoteRequest request, String actor) {
        if (request.sell().equals(request.buy())) {
            return new QuoteResult.InvalidField("buyCurrency", "must differ from the sell currency");
        }
        if (request.amountMinorUnits() <= 0) {
            return new QuoteResult.InvalidField(request.fixedSide() == FixedSide.SELL ? "sellAmount" : "buyAmount",
                    "must be a positive number of minor units");
        }
        Duration lock = request.lock() == null ? properties.defaultLock() : request.lock();
        if (lock.isNegative() || lock.isZero()) {
            return new QuoteResult.InvalidField("lockSeconds", "must be positive");
        }
        PricingTier tier = tiers.of(request.owner());
        if (lock.compareTo(tier.longestLock()) > 0) {
            return new QuoteResult.LockTooLong(lock, tier.longestLock(), tier);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (rates.rate(request.sell(), request.buy(), today)) {
            case ReferenceRateResult.Found found when isCurrent(found.rate(), today) -> price(request, found.rate(), tier, lock, now, actor);
            case ReferenceRateResult.Found stale -> new QuoteResult.NoCurrentRate(request.sell().code(), request.buy().code(),
                    stale.rate().fixingDate());
            case ReferenceRateResult.CurrencyNotQuoted c -> new QuoteResult.CurrencyNotQuoted(c.currency());
            case ReferenceRateResult.NoFixing n -> new QuoteResult.NoCurrentRate(request.sell().code(), request.buy().code(), null);
        };
    }

    private boolean isCurrent(ReferenceRate rate, LocalDate today) {
        return !rate.fixingDate().isBefore(today.minusDays(properties.maxRateAge().toDays()));
    }

    private QuoteResult price(QuoteRequest request, ReferenceRate rate, PricingTier tier, Duration lock, Instant now,
                              String actor) {
        Corridor corridor = Corridors.of(request.sell(), request.buy());
        int spreadBps = tier.spreadBasisPoints(corridor);
        int premiumBps = LockPremium.basisPoints(lock);
        QuotePricing.Priced priced;
        try {
            priced = QuotePricing.price(request.fixedSide(), request.amountMinorUnits(), request.sell(), request.buy(),
                    rate.rate(), spreadBps + premiumBps);
        } catch (ArithmeticException tooLarge) {
            return new QuoteResult.InvalidField(request.fixedSide() == FixedSide.SELL ? "sellAmount" : "buyAmount",
                    "too large to convert");
        }
        if (priced.sell() <= 0 || priced.buy() <= 0) {
            return new QuoteResult.AmountTooSmall("converts to less than one minor unit of " + request.buy());
        }
        Quote quote = new Quote(QuoteId.next(clock), request.owner(), request.fixedSide(),
                new Money(priced.sell(), request.sell()), new Money(priced.buy(), request.buy()),
                new Money(priced.spread(), request.buy()), priced.midRate(), priced.clientRate(),
                new Quote.Pricing(rate.source(), rate.fixingDate(), corridor, tier, spreadBps, premiumBps), now, now.plus(lock),
                QuoteStatus.OPEN, null, null, null);
        transaction.executeWithoutResult(status -> {
            quotes.insert(quote);
            audit.record(actor, "fx.quote.create", "fx_quote", quote.id().toString(), null,
                    quote.sell() + " -> " + quote.buy() + " at " + quote.clientRate().stripTrailingZeros().toPlainString()
                            + " until " + quote.expiresAt());
        });
        return new QuoteResult.Quoted(quote);
    }
}
