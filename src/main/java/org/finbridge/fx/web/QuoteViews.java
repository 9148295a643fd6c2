package org.finbridge.fx.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.fx.Conversion;
import org.finbridge.fx.Corridor;
import org.finbridge.fx.FixedSide;
import org.finbridge.fx.PricingTier;
import org.finbridge.fx.Quote;
import org.finbridge.fx.QuoteStatus;
import org.finbridge.money.Allocation;
import org.finbridge.money.Money;

/** The JSON shapes of quotes and conversions: amounts in minor units, rates as decimal strings. */
final class QuoteViews {

    private QuoteViews() {
    }

    record Amount(long amount, String currency) {
        static Amount of(Money m) {
            return new Amount(m.minorUnits(), m.currency().code());
        }
    }

    /**
     * One line of the fee breakdown, in the buy currency: the tier's spread, and the premium of a long
     * lock. The lines split the spread leg booked in the ledger by their basis points (largest
     * remainder), so they always add up to it.
     */
    record Fee(String type, int basisPoints, long amount, String currency) {
        static List<Fee> of(Quote q) {
            var p = q.pricing();
            if (p.totalBasisPoints() == 0) {
                return List.of(new Fee("FX_SPREAD", 0, 0, q.spread().currency().code()));
            }
            List<Money> parts = Allocation.allocate(q.spread(), p.spreadBasisPoints(), p.lockPremiumBasisPoints());
            List<Fee> fees = new java.util.ArrayList<>();
            fees.add(new Fee("FX_SPREAD", p.spreadBasisPoints(), parts.get(0).minorUnits(), q.spread().currency().code()));
            if (p.lockPremiumBasisPoints() > 0) {
                fees.add(new Fee("LOCK_PREMIUM", p.lockPremiumBasisPoints(), parts.get(1).minorUnits(), q.spread().currency().code()));
            }
            return List.copyOf(fees);
        }
    }

    record Pricing(Corridor corridor, int corridorSpreadBasisPoints, PricingTier tier, int tierSpreadPercent,
                   int spreadBasisPoints, int lockPremiumBasisPoints, int totalBasisPoints, String rateSource,
                   LocalDate fixingDate) {
    }

    record QuoteView(String id, String ownerId, QuoteStatus status, FixedSide fixedSide, Amount sell, Amount buy,
                     String midRate, String clientRate, Pricing pricing, List<Fee> fees, long lockSeconds,
                     Instant createdAt, Instant expiresAt, Instant executedAt) {
        static QuoteView of(Quote q, Instant now) {
            var p = q.pricing();
            return new QuoteView(q.id().toString(), q.owner().toString(), q.statusAt(now), q.fixedSide(),
                    Amount.of(q.sell()), Amount.of(q.buy()), rate(q.midRate()), rate(q.clientRate()),
                    new Pricing(p.corridor(), p.corridor().spreadBasisPoints(), p.tier(), p.tier().spreadPercent(),
                            p.spreadBasisPoints(), p.lockPremiumBasisPoints(), p.totalBasisPoints(), p.source(), p.fixingDate()),
                    Fee.of(q),
                    q.lock().toSeconds(), q.createdAt(), q.expiresAt(), q.executedAt());
        }
    }

    record ConversionView(String quoteId, Amount sold, Amount bought, Amount spread, String debitAccountId,
                          String creditAccountId, List<String> transferIds, Instant executedAt) {
        static ConversionView of(Conversion c) {
            return new ConversionView(c.quoteId().toString(), Amount.of(c.sold()), Amount.of(c.bought()), Amount.of(c.spread()),
                    c.debitAccount().toString(), c.creditAccount().toString(),
                    c.transfers().stream().map(Object::toString).toList(), c.executedAt());
        }
    }

    static String rate(java.math.BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString();
    }
}
