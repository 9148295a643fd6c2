package org.finbridge.fx.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.fx.Corridor;
import org.finbridge.fx.FixedSide;
import org.finbridge.fx.PricingTier;
import org.finbridge.fx.Quote;
import org.finbridge.fx.QuoteId;
import org.finbridge.fx.QuoteStatus;
import org.finbridge.ledger.AccountId;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The quotes table. State changes are conditional updates, so that of any number of concurrent
 * attempts exactly one claims a quote, and exactly one completes it.
 */
@Component
class QuoteStore {

    private static final String COLUMNS = """
            id, owner_party_id, fixed_side, sell_currency, sell_amount, buy_currency, buy_amount, spread_amount,
            mid_rate, client_rate, rate_source, fixing_date, corridor, tier, spread_bps, lock_premium_bps, created_at, expires_at, state,
            debit_account_id, credit_account_id, executed_at""";

    private final JdbcClient jdbc;

    QuoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Quote q) {
        jdbc.sql("""
                insert into fx_quotes (id, owner_party_id, sell_currency, buy_currency, fixed_side, sell_amount, buy_amount,
                    spread_amount, mid_rate, client_rate, rate_source, fixing_date, corridor, tier, spread_bps, lock_premium_bps,
                    lock_seconds, created_at, expires_at, state)
                values (:id, :owner, :sellCcy, :buyCcy, :side, :sell, :buy, :spread, :mid, :client, :source, :fixing,
                    :corridor, :tier, :bps, :premium, :lock, :created, :expires, 'OPEN')""")
                .param("id", q.id().value()).param("owner", q.owner().value())
                .param("sellCcy", q.sell().currency().code()).param("buyCcy", q.buy().currency().code())
                .param("side", q.fixedSide().name()).param("sell", q.sell().minorUnits()).param("buy", q.buy().minorUnits())
                .param("spread", q.spread().minorUnits()).param("mid", q.midRate()).param("client", q.clientRate())
                .param("source", q.pricing().source()).param("fixing", q.pricing().fixingDate())
                .param("corridor", q.pricing().corridor().name()).param("tier", q.pricing().tier().name())
                .param("bps", q.pricing().spreadBasisPoints()).param("premium", q.pricing().lockPremiumBasisPoints()).param("lock", q.lock().toSeconds())
                .param("created", at(q.createdAt())).param("expires", at(q.expiresAt()))
                .update();
    }

    Optional<Quote> find(QuoteId id) {
        return jdbc.sql("select " + COLUMNS + " from fx_quotes where id = :id").param("id", id.value())
                .query(QuoteStore::read).optional();
    }

    /** OPEN and unexpired at {@code now} → EXECUTING with these accounts; false when another got there first. */
    boolean claim(QuoteId id, AccountId debit, AccountId credit, Instant now) {
        return jdbc.sql("""
                update fx_quotes set state = 'EXECUTING', debit_account_id = :debit, credit_account_id = :credit,
                    claimed_at = :now
                where id = :id and state = 'OPEN' and expires_at > :now""")
                .param("debit", debit.value()).param("credit", credit.value()).param("now", at(now)).param("id", id.value())
                .update() == 1;
    }

    /** EXECUTING → OPEN: the ledger refused the legs, nothing moved. */
    void release(QuoteId id) {
        jdbc.sql("""
                update fx_quotes set state = 'OPEN', debit_account_id = null, credit_account_id = null, claimed_at = null
                where id = :id and state = 'EXECUTING'""").param("id", id.value()).update();
    }

    /** EXECUTING → EXECUTED; false when it was completed already (by recovery, say). */
    boolean complete(QuoteId id, Instant now) {
        return jdbc.sql("update fx_quotes set state = 'EXECUTED', executed_at = :now where id = :id and state = 'EXECUTING'")
                .param("now", at(now)).param("id", id.value()).update() == 1;
    }

    /** Executions claimed before {@code before} and not finished: a crash between the ledger and here. */
    List<Quote> unfinished(Instant before, int limit) {
        return jdbc.sql("select " + COLUMNS + " from fx_quotes where state = 'EXECUTING' and claimed_at < :before "
                        + "order by claimed_at limit :limit")
                .param("before", at(before)).param("limit", limit).query(QuoteStore::read).list();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static Quote read(ResultSet rs, int row) throws SQLException {
        CurrencyCode sell = CurrencyCode.of(rs.getString("sell_currency").trim());
        CurrencyCode buy = CurrencyCode.of(rs.getString("buy_currency").trim());
        var pricing = new Quote.Pricing(rs.getString("rate_source"), rs.getObject("fixing_date", LocalDate.class),
                Corridor.valueOf(rs.getString("corridor")), PricingTier.valueOf(rs.getString("tier")), rs.getInt("spread_bps"),
                rs.getInt("lock_premium_bps"));
        return new Quote(new QuoteId(rs.getObject("id", UUID.class)), new PartyId(rs.getObject("owner_party_id", UUID.class)),
                FixedSide.valueOf(rs.getString("fixed_side")), new Money(rs.getLong("sell_amount"), sell),
                new Money(rs.getLong("buy_amount"), buy), new Money(rs.getLong("spread_amount"), buy),
                rs.getBigDecimal("mid_rate"), rs.getBigDecimal("client_rate"), pricing, instant(rs, "created_at"),
                instant(rs, "expires_at"), QuoteStatus.valueOf(rs.getString("state")), account(rs, "debit_account_id"),
                account(rs, "credit_account_id"), instant(rs, "executed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static AccountId account(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new AccountId(id);
    }
}
