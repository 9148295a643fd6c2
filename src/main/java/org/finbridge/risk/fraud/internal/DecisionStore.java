package org.finbridge.risk.fraud.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.finbridge.party.PartyId;
import org.finbridge.payments.PaymentId;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.risk.fraud.FraudDecision;
import org.finbridge.risk.fraud.FraudOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Fraud decisions in SQL: written as they are made, updated by reviews and later outcomes. */
@Repository
class DecisionStore {

    static final String PREFIX = "frd";

    private final JdbcClient jdbc;

    DecisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is stored of one decision: the attempt as scoring saw it, and the verdict. */
    record NewDecision(UUID id, PaymentId paymentId, PartyId merchantId, PartyId buyer, Instant decidedAt, Transaction attempt,
                       long amountMinor, FraudEngine.Verdict verdict, FraudOutcome outcome) {
    }

    void insert(NewDecision d) {
        Transaction t = d.attempt();
        Map<String, Object> m = new HashMap<>();
        m.put("id", d.id());
        m.put("payment", d.paymentId().value());
        m.put("merchant", d.merchantId().value());
        m.put("decidedAt", at(d.decidedAt()));
        m.put("outcome", d.outcome().name());
        m.put("score", d.verdict().score());
        m.put("model", d.verdict().modelVersion());
        m.put("reasons", clip(String.join(",", d.verdict().reasons()), 1000));
        m.put("features", Arrays.stream(d.verdict().features()).mapToObj(v -> String.format(Locale.ROOT, "%.6g", v))
                .collect(Collectors.joining(",")));
        m.put("card", t.card());
        m.put("bin", t.bin());
        m.put("binCountry", t.binCountry());
        m.put("email", t.email());
        m.put("ip", t.ip());
        m.put("ipCountry", t.ipCountry());
        m.put("device", t.device());
        m.put("shipping", t.shippingCountry());
        m.put("merchantCountry", t.merchantCountry());
        m.put("merchantCreated", t.merchantCreatedMillis() < 0 ? null : at(Instant.ofEpochMilli(t.merchantCreatedMillis())));
        m.put("buyer", d.buyer() == null ? null : d.buyer().value());
        m.put("accountCreated", t.accountCreatedMillis() < 0 ? null : at(Instant.ofEpochMilli(t.accountCreatedMillis())));
        m.put("amount", d.amountMinor());
        m.put("currency", t.currency());
        m.put("isCard", t.card3ds());
        m.put("review", d.outcome() == FraudOutcome.REVIEW ? FraudDecision.ReviewStatus.OPEN.name() : FraudDecision.ReviewStatus.NONE.name());
        jdbc.sql("""
                insert into fraud_decisions (id, payment_id, merchant_id, decided_at, outcome, score, model_version, reasons,
                    features, card_key, card_bin, bin_country, email, ip, ip_country, device_id, shipping_country,
                    merchant_country, merchant_created_at, buyer_party_id, account_created_at, amount_minor, currency, is_card, review_status)
                values (:id, :payment, :merchant, :decidedAt, :outcome, :score, :model, :reasons, :features, :card, :bin,
                    :binCountry, :email, :ip, :ipCountry, :device, :shipping, :merchantCountry, :merchantCreated, :buyer, :accountCreated,
                    :amount, :currency, :isCard, :review)""").params(m).update();
    }

    Optional<FraudDecision> find(UUID id) {
        return jdbc.sql("select * from fraud_decisions where id = :id").param("id", id).query(DecisionStore::decision).optional();
    }

    List<FraudDecision> ofPayment(PaymentId payment) {
        return jdbc.sql("select * from fraud_decisions where payment_id = :p order by decided_at, id").param("p", payment.value())
                .query(DecisionStore::decision).list();
    }

    List<FraudDecision> openReviews(int limit) {
        return jdbc.sql("select * from fraud_decisions where review_status = 'OPEN' order by decided_at, id fetch first :n rows only")
                .param("n", limit).query(DecisionStore::decision).list();
    }

    private static final Map<String, String> REVIEW_SORTS = Map.of("decided", "decided_at", "score", "score",
            "outcome", "outcome");

    org.finbridge.platform.QueuePage<FraudDecision> openReviews(org.finbridge.platform.QueuePage.Request page) {
        long total = jdbc.sql("select count(*) from fraud_decisions where review_status = 'OPEN'").query(Long.class).single();
        List<FraudDecision> items = jdbc.sql("select * from fraud_decisions where review_status = 'OPEN'"
                        + page.orderBy(REVIEW_SORTS, "decided_at", "id") + " limit :n offset :o")
                .param("n", page.size()).param("o", page.offset()).query(DecisionStore::decision).list();
        return new org.finbridge.platform.QueuePage<>(items, total, page);
    }

    /** Records a verdict on a decision nobody reviewed yet; false when someone did (or there is none). */
    boolean review(UUID id, FraudDecision.Verdict verdict, String reviewer, String note, Instant now) {
        return jdbc.sql("""
                update fraud_decisions set review_status = 'REVIEWED', reviewed_by = :by, review_note = :note,
                    reviewed_at = :now, label = :label, label_source = 'REVIEW', labelled_at = :now
                where id = :id and review_status <> 'REVIEWED'""")
                .param("id", id).param("by", reviewer).param("note", note).param("now", at(now)).param("label", verdict.name())
                .update() == 1;
    }

    /** The keys of the attempts of a payment, for attaching an outcome the cache no longer remembers. */
    List<FeatureCache.Keys> keysOf(PaymentId payment) {
        return jdbc.sql("select card_key, email, device_id, ip from fraud_decisions where payment_id = :p")
                .param("p", payment.value())
                .query((rs, n) -> new FeatureCache.Keys(rs.getString("card_key"), rs.getString("email"), rs.getString("device_id"),
                        rs.getString("ip"))).list();
    }

    /**
     * Marks an outcome on a payment's decisions once: {@code column} is declined_at, refunded_at or
     * disputed_at. Answers how many decisions were newly marked (0 for a replayed event).
     */
    int markOutcome(PaymentId payment, String column, Instant at) {
        if (!List.of("declined_at", "refunded_at", "disputed_at").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("update fraud_decisions set " + column + " = :at where payment_id = :p and " + column + " is null")
                .param("at", at(at)).param("p", payment.value()).update();
    }

    /** Labels a payment's unlabelled decisions (a lost chargeback: FRAUD); a reviewer's label is never overwritten. */
    int label(PaymentId payment, FraudDecision.Verdict label, String source, Instant at) {
        return jdbc.sql("""
                update fraud_decisions set label = :label, label_source = :source, labelled_at = :at
                where payment_id = :p and label is null""")
                .param("label", label.name()).param("source", source).param("at", at(at)).param("p", payment.value()).update();
    }

    /** Every decision since {@code from}, oldest first, as the attempt it was and what happened to it. */
    void replaySince(Instant from, Consumer<Stored> each) {
        jdbc.sql("select * from fraud_decisions where decided_at >= :from order by decided_at, id").param("from", at(from))
                .query((ResultSet rs) -> {
                    each.accept(stored(rs));
                });
    }

    /** A stored decision as the cache needs it back. */
    record Stored(Transaction attempt, Instant declinedAt, Instant refundedAt, Instant disputedAt, String label,
                  String labelSource) {
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Instant decided = instant(rs, "decided_at");
        Instant created = instant(rs, "account_created_at");
        Instant merchantCreated = instant(rs, "merchant_created_at");
        UUID buyer = rs.getObject("buyer_party_id", UUID.class);
        String currency = rs.getString("currency");
        double major = rs.getLong("amount_minor") / Math.pow(10, org.finbridge.money.CurrencyCode.of(currency).exponent());
        // the same keys as the live path uses: the ids' API forms
        Transaction t = new Transaction(decided.toEpochMilli(), new PaymentId(rs.getObject("payment_id", UUID.class)).toString(),
                new PartyId(rs.getObject("merchant_id", UUID.class)).toString(), rs.getString("merchant_country"),
                merchantCreated == null ? -1 : merchantCreated.toEpochMilli(), rs.getString("card_key"),
                rs.getString("card_bin"), rs.getString("bin_country"), rs.getString("email"), rs.getString("ip"),
                rs.getString("ip_country"), rs.getString("device_id"), rs.getString("shipping_country"),
                buyer == null ? null : new PartyId(buyer).toString(), created == null ? -1 : created.toEpochMilli(), major, currency,
                rs.getBoolean("is_card"));
        return new Stored(t, instant(rs, "declined_at"), instant(rs, "refunded_at"), instant(rs, "disputed_at"),
                rs.getString("label"), rs.getString("label_source"));
    }

    private static FraudDecision decision(ResultSet rs, int n) throws SQLException {
        String reasons = rs.getString("reasons");
        String label = rs.getString("label");
        return new FraudDecision(TimeOrderedIds.format(PREFIX, rs.getObject("id", UUID.class)),
                new PaymentId(rs.getObject("payment_id", UUID.class)), new PartyId(rs.getObject("merchant_id", UUID.class)),
                FraudOutcome.valueOf(rs.getString("outcome")), rs.getDouble("score"), rs.getString("model_version"),
                reasons.isEmpty() ? List.of() : List.of(reasons.split(",")), instant(rs, "decided_at"),
                FraudDecision.ReviewStatus.valueOf(rs.getString("review_status")), rs.getString("reviewed_by"),
                rs.getString("review_note"), instant(rs, "reviewed_at"), label == null ? null : FraudDecision.Verdict.valueOf(label),
                rs.getString("label_source"));
    }

    static OffsetDateTime at(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
