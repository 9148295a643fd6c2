package org.finbridge.payments.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.fx.Fx;
import org.finbridge.fx.PricingTiers;
import org.finbridge.fx.Quote;
import org.finbridge.fx.QuoteId;
import org.finbridge.fx.QuoteRequest;
import org.finbridge.fx.QuoteResult;
import org.finbridge.money.CurrencyCode;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checkout FX (issue 4, section 2): the buyer pays in the presentment currency, the merchant receives
 * its settlement currency at the rate locked when the buyer confirmed.
 *
 * <p><b>How a 7-day authorization keeps a rate FX locks for at most 24 h.</b> At confirmation the
 * payment asks FX for a quote (sell the presentment amount, buy the settlement currency) with the
 * longest lock the merchant's tier allows, at most the authorization's validity — the quote's lock
 * premium prices that lock. The payment then copies the quote's mid and client rates into its own
 * lock record ({@code payment_fx_locks}), a forward-like commitment of the platform to the merchant:
 * every capture within the authorization's life (validity plus the hold's grace) converts at that
 * client rate, also after the quote itself expired. The platform, not the merchant, carries the
 * market's move between the quote's expiry and the capture; that is the FX desk's exposure, visible
 * in the FX liquidity balances. The quote is the priced evidence of the rate (its id is kept) and is
 * not executed: the conversion legs are booked in the capture's own LINKED chain (see
 * {@link LedgerPostings}), so that money captured is always converted in the same commit, never half.
 *
 * <p>Rounding follows the FX module's pricing, in favour of the liquidity account: the merchant gets
 * {@code floor(amount × client rate)}, liquidity pays out {@code floor(amount × mid rate)}, the spread
 * is the difference (booked as FX revenue). A refund converts back at the locked client rate, the
 * merchant paying {@code ceil(refund × client rate)}.
 */
@Component
class CheckoutFx {

    /** The rate a payment locked at checkout, and what it converted at it so far. */
    record Lock(PaymentId paymentId, CurrencyCode presentment, CurrencyCode settlement, QuoteId quoteId,
                BigDecimal midRate, BigDecimal clientRate, int marginBasisPoints, String source, LocalDate fixingDate,
                Instant lockedAt, Instant quoteExpiresAt, Instant guaranteedUntil, long settled, long spread) {
    }

    sealed interface Locking {
    }

    record Locked(Lock lock) implements Locking {
    }

    record Refused(PaymentResult result) implements Locking {
    }

    /** One conversion at the locked rates, in minor units of the settlement currency. */
    record Converted(long merchant, long spread) {
        long paidOut() {
            return merchant + spread;
        }
    }

    private final Fx fx;
    private final PricingTiers tiers;
    private final JdbcClient jdbc;
    private final PaymentsProperties properties;
    private final Clock clock;

    CheckoutFx(Fx fx, PricingTiers tiers, JdbcClient jdbc, PaymentsProperties properties, Clock clock) {
        this.fx = fx;
        this.tiers = tiers;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Prices and locks the payment's rate (not yet stored: {@link #save} does, with the step that begins). */
    Locking lock(PaymentRecord p, String actor) {
        Duration lockFor = min(tiers.of(p.merchantId).longestLock(), properties.authorizationValidity());
        QuoteResult r = fx.quote(QuoteRequest.selling(p.merchantId, p.requested.currency(), p.settlementCurrency,
                p.requested.minorUnits()).lockedFor(lockFor), actor);
        return switch (r) {
            case QuoteResult.Quoted q -> new Locked(of(p, q.quote()));
            case QuoteResult.CurrencyNotQuoted c -> refused("FX does not quote " + c.currency());
            case QuoteResult.NoCurrentRate n -> refused("no current FX rate for " + n.sell() + "/" + n.buy());
            case QuoteResult.AmountTooSmall s -> refused(s.reason());
            case QuoteResult.InvalidField f -> refused(f.field() + " " + f.reason());
            case QuoteResult.LockTooLong l -> refused("the FX lock asked is longer than the tier allows");
        };
    }

    private static Refused refused(String reason) {
        return new Refused(new PaymentResult.InvalidField("settlementCurrency", reason));
    }

    private Lock of(PaymentRecord p, Quote q) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant guaranteedUntil = now.plus(properties.authorizationValidity()).plus(properties.holdGrace());
        return new Lock(p.id, p.requested.currency(), p.settlementCurrency, q.id(), q.midRate(), q.clientRate(),
                q.pricing().totalBasisPoints(), q.pricing().source(), q.pricing().fixingDate(), now, q.expiresAt(),
                guaranteedUntil, 0, 0);
    }

    /** Stores the lock; a confirmation retried after a refusal replaces the lock it had not used. */
    void save(Lock l) {
        jdbc.sql("delete from payment_fx_locks where payment_id = :id and settled_amount = 0")
                .param("id", l.paymentId().value()).update();
        jdbc.sql("""
                insert into payment_fx_locks (payment_id, presentment_currency, settlement_currency, quote_id, mid_rate,
                    client_rate, margin_basis_points, rate_source, fixing_date, locked_at, quote_expires_at, guaranteed_until)
                values (:id, :presentment, :settlement, :quote, :mid, :client, :margin, :source, :fixing, :lockedAt,
                    :quoteExpiresAt, :guaranteedUntil)""")
                .param("id", l.paymentId().value()).param("presentment", l.presentment().code())
                .param("settlement", l.settlement().code()).param("quote", l.quoteId().value())
                .param("mid", l.midRate()).param("client", l.clientRate()).param("margin", l.marginBasisPoints())
                .param("source", l.source()).param("fixing", l.fixingDate())
                .param("lockedAt", at(l.lockedAt())).param("quoteExpiresAt", at(l.quoteExpiresAt()))
                .param("guaranteedUntil", at(l.guaranteedUntil())).update();
    }

    Optional<Lock> find(PaymentId id) {
        return jdbc.sql("select * from payment_fx_locks where payment_id = :id").param("id", id.value())
                .query(CheckoutFx::read).optional();
    }

    /** Adds what a completed step converted (negative for a refund), in the step's transaction. */
    void recordConverted(PaymentId id, long settled, long spread) {
        if (settled == 0 && spread == 0) {
            return;
        }
        jdbc.sql("update payment_fx_locks set settled_amount = settled_amount + :settled, spread_amount = spread_amount + :spread "
                + "where payment_id = :id").param("settled", settled).param("spread", spread).param("id", id.value()).update();
    }

    /** {@code presentmentMinor} converted at the lock: the merchant's part rounded down, the spread the rest of the mid value. */
    static Converted convert(Lock l, long presentmentMinor) {
        long merchant = scale(l, presentmentMinor, l.clientRate(), RoundingMode.FLOOR);
        long paidOut = scale(l, presentmentMinor, l.midRate(), RoundingMode.FLOOR);
        return new Converted(merchant, Math.max(0, paidOut - merchant));
    }

    /** What the merchant gives back in its currency for a refund of {@code presentmentMinor}: rounded up. */
    static long refundCost(Lock l, long presentmentMinor) {
        return scale(l, presentmentMinor, l.clientRate(), RoundingMode.CEILING);
    }

    private static long scale(Lock l, long minor, BigDecimal rate, RoundingMode rounding) {
        return BigDecimal.valueOf(minor).multiply(rate)
                .movePointRight(l.settlement().exponent() - l.presentment().exponent())
                .setScale(0, rounding).longValueExact();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Lock read(ResultSet rs, int n) throws SQLException {
        return new Lock(new PaymentId(rs.getObject("payment_id", UUID.class)),
                CurrencyCode.of(rs.getString("presentment_currency")), CurrencyCode.of(rs.getString("settlement_currency")),
                new QuoteId(rs.getObject("quote_id", UUID.class)), rs.getBigDecimal("mid_rate"), rs.getBigDecimal("client_rate"),
                rs.getInt("margin_basis_points"), rs.getString("rate_source"), rs.getObject("fixing_date", LocalDate.class),
                instant(rs, "locked_at"), instant(rs, "quote_expires_at"), instant(rs, "guaranteed_until"),
                rs.getLong("settled_amount"), rs.getLong("spread_amount"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
