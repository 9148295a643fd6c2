package org.finbridge.risk.aml.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The AML module's own journal of transactions and trade facts, built from other modules' events and
 * public APIs (never their tables), and kept 10 years after each transaction (AML Law 2024 art. 34).
 */
@Component
class Journal {

    private static final String COLUMNS = """
            id, party_id, natural_person, party_country, direction, kind, cash, currency, amount_minor, cny_minor,
            usd_minor, counterparty, counterparty_country, order_reference, source_ref, occurred_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate nested;
    private final Clock clock;

    Journal(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Records a leg once: false when it was there already (a redelivered event). One statement checks and
     * inserts; the savepoint keeps the caller's transaction alive if a concurrent delivery of the same
     * event inserted it first.
     */
    boolean record(AmlTransaction t) {
        try {
            return Boolean.TRUE.equals(nested.execute(s -> insertIfAbsent(t)));
        } catch (DuplicateKeyException deliveredConcurrently) {
            return false;
        }
    }

    /**
     * Records a leg of a payment step once, in the step's transaction, without a savepoint (two round trips
     * fewer per capture): the step's update of its payment row serialises the deliveries of one (payment,
     * seq) event, so a redelivery waits for the first to commit and its check then sees the leg. Were the
     * same leg inserted concurrently all the same, the step's transaction would fail as a whole (as the other
     * read models written in it would) and nothing would be counted twice.
     */
    boolean recordInPaymentStep(AmlTransaction t) {
        return insertIfAbsent(t);
    }

    private boolean insertIfAbsent(AmlTransaction t) {
        return jdbc.sql("insert into aml_transactions (" + COLUMNS + """
                , recorded_at, evaluated) select :id, :party, :np, :pc, :dir, :kind, :cash, :cur, :amount, cast(:cny as bigint),
                cast(:usd as bigint), :cp, :cpc, :order, :source, :at, :now, false
                where not exists (select 1 from aml_transactions where id = :id)""")
                .param("id", t.id()).param("party", t.party().value()).param("np", t.naturalPerson())
                .param("pc", t.partyCountry()).param("dir", t.direction().name()).param("kind", t.kind().name())
                .param("cash", t.cash()).param("cur", t.amount().currency().code()).param("amount", t.amount().minorUnits())
                .param("cny", t.cnyMinor()).param("usd", t.usdMinor()).param("cp", clip(t.counterparty(), 200))
                .param("cpc", t.counterpartyCountry()).param("order", clip(t.orderReference(), 200))
                .param("source", t.sourceRef()).param("at", ts(t.occurredAt())).param("now", ts(clock.instant()))
                .update() == 1;
    }

    boolean exists(String id) {
        return jdbc.sql("select count(*) from aml_transactions where id = :id").param("id", id).query(Long.class).single() > 0;
    }

    List<AmlTransaction> between(PartyId party, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + " from aml_transactions where party_id = :p and occurred_at >= :from"
                        + " and occurred_at <= :to order by occurred_at, id")
                .param("p", party.value()).param("from", ts(from)).param("to", ts(to)).query(Journal::read).list();
    }

    Optional<Instant> lastBefore(PartyId party, Instant before) {
        return jdbc.sql("select max(occurred_at) from aml_transactions where party_id = :p and occurred_at < :b")
                .param("p", party.value()).param("b", ts(before)).query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant);
    }

    List<AmlTransaction> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from aml_transactions where id in (:ids) order by occurred_at, id")
                .param("ids", List.copyOf(ids)).query(Journal::read).list();
    }

    List<PartyId> unevaluatedParties(int limit) {
        return jdbc.sql("select distinct party_id from aml_transactions where evaluated = false limit :l").param("l", limit)
                .query((rs, n) -> new PartyId(rs.getObject(1, UUID.class))).list();
    }

    void markEvaluated(PartyId party, Instant recordedUpTo) {
        jdbc.sql("update aml_transactions set evaluated = true where party_id = :p and evaluated = false and recorded_at <= :t")
                .param("p", party.value()).param("t", ts(recordedUpTo)).update();
    }

    List<PartyId> activeSince(Instant since) {
        return jdbc.sql("select distinct party_id from aml_transactions where occurred_at >= :s")
                .param("s", ts(since)).query((rs, n) -> new PartyId(rs.getObject(1, UUID.class))).list();
    }

    /** Payments between two parties (a registered buyer paying a merchant), for the network rules. */
    List<CircularFlowRule.Edge> paymentEdges(Instant since) {
        return jdbc.sql("""
                select party_id, counterparty, cny_minor, id, occurred_at from aml_transactions
                 where kind = 'PAYMENT' and direction = 'CREDIT' and occurred_at >= :s and counterparty like 'pty_%'""")
                .param("s", ts(since)).query((rs, n) -> new CircularFlowRule.Edge(PartyId.parse(rs.getString(2)),
                        new PartyId(rs.getObject(1, UUID.class)), rs.getObject(3) == null ? 0 : rs.getLong(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant())).list();
    }

    /** Deletes journal entries whose 10-year retention ended (AML Law 2024 art. 34): older than {@code before}. */
    int purgeOlderThan(Instant before) {
        return jdbc.sql("delete from aml_transactions where occurred_at < :b").param("b", ts(before)).update();
    }

    // ---- trade facts

    void recordDelivery(PartyId merchant, String orderNumber, Instant deliveredAt) {
        upsertFact(merchant, orderNumber);
        jdbc.sql("update aml_trade_facts set delivered_at = coalesce(delivered_at, :at), updated_at = :now"
                        + " where merchant_id = :m and order_number = :o")
                .param("at", ts(deliveredAt)).param("now", ts(clock.instant())).param("m", merchant.value())
                .param("o", orderNumber).update();
    }

    void recordAmounts(PartyId merchant, String orderNumber, Money paid, Money declared) {
        upsertFact(merchant, orderNumber);
        jdbc.sql("""
                update aml_trade_facts set paid_currency = :pc, paid_minor = :pm, declared_currency = :dc,
                    declared_minor = :dm, updated_at = :now where merchant_id = :m and order_number = :o""")
                .param("pc", paid == null ? null : paid.currency().code()).param("pm", paid == null ? null : paid.minorUnits())
                .param("dc", declared == null ? null : declared.currency().code())
                .param("dm", declared == null ? null : declared.minorUnits()).param("now", ts(clock.instant()))
                .param("m", merchant.value()).param("o", orderNumber).update();
    }

    private void upsertFact(PartyId merchant, String orderNumber) {
        boolean present = jdbc.sql("select count(*) from aml_trade_facts where merchant_id = :m and order_number = :o")
                .param("m", merchant.value()).param("o", orderNumber).query(Long.class).single() > 0;
        if (!present) {
            try {
                nested.executeWithoutResult(s -> jdbc.sql("insert into aml_trade_facts (merchant_id, order_number, updated_at)"
                                + " values (:m, :o, :now)")
                        .param("m", merchant.value()).param("o", orderNumber).param("now", ts(clock.instant())).update());
            } catch (DuplicateKeyException recordedConcurrently) {
                // the other writer's row serves
            }
        }
    }

    Set<String> deliveredOrders(PartyId merchant) {
        return new HashSet<>(jdbc.sql("select order_number from aml_trade_facts where merchant_id = :m and delivered_at is not null")
                .param("m", merchant.value()).query(String.class).list());
    }

    record TradeAmounts(String orderNumber, Money paid, Money declared, Instant updatedAt) {
    }

    List<TradeAmounts> tradeAmounts(PartyId merchant) {
        return jdbc.sql("""
                select order_number, paid_currency, paid_minor, declared_currency, declared_minor, updated_at
                  from aml_trade_facts where merchant_id = :m and paid_minor is not null and declared_minor is not null""")
                .param("m", merchant.value()).query((rs, n) -> new TradeAmounts(rs.getString(1),
                        Money.ofMinor(rs.getLong(3), rs.getString(2)), Money.ofMinor(rs.getLong(5), rs.getString(4)),
                        rs.getObject(6, OffsetDateTime.class).toInstant())).list();
    }

    private static AmlTransaction read(ResultSet rs, int n) throws SQLException {
        return new AmlTransaction(rs.getString("id"), new PartyId(rs.getObject("party_id", UUID.class)),
                rs.getBoolean("natural_person"), rs.getString("party_country"),
                AmlTransaction.Direction.valueOf(rs.getString("direction")), AmlTransaction.Kind.valueOf(rs.getString("kind")),
                rs.getBoolean("cash"), Money.ofMinor(rs.getLong("amount_minor"), rs.getString("currency")),
                (Long) rs.getObject("cny_minor", Long.class), (Long) rs.getObject("usd_minor", Long.class),
                rs.getString("counterparty"), rs.getString("counterparty_country"), rs.getString("order_reference"),
                rs.getString("source_ref"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }

    /**
     * Timestamps are stored to the microsecond (both databases' precision), truncated, never rounded: a
     * transaction recorded at the clock's instant must still be "at or before now" when read back.
     */
    static OffsetDateTime ts(Instant at) {
        return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}
