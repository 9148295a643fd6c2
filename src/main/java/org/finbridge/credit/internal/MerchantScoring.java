package org.finbridge.credit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.finbridge.credit.ContributionCategory;
import org.finbridge.credit.CreditGrade;
import org.finbridge.credit.CreditScore;
import org.finbridge.credit.ReasonCode;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merchant scores: features computed from the merchant's contributions, scored by the active merchant
 * scorecard, stored with reason codes and the model version. Recomputed for every merchant by the nightly
 * job and for one merchant right after a record that matters arrives (negative information, repayments,
 * store ratings); sales alone wait for the night.
 */
@Service
public class MerchantScoring {

    private static final Logger log = LoggerFactory.getLogger(MerchantScoring.class);

    private static final Set<ContributionCategory> RESCORE_NOW = Set.of(ContributionCategory.CHARGEBACK,
            ContributionCategory.CUSTOMS_MISMATCH, ContributionCategory.COMPLAINT, ContributionCategory.REPAYMENT_OVERDUE,
            ContributionCategory.REPAYMENT_ON_TIME, ContributionCategory.ADMINISTRATIVE_PENALTY,
            ContributionCategory.COURT_JUDGMENT, ContributionCategory.STORE_RATING);

    /** Plain words for the reason codes of the merchant features. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("sales_count", "few sales in the last 12 months"),
            Map.entry("months_with_sales", "sales in few of the last 12 months"),
            Map.entry("refund_rate", "many refunds and returns per sale"),
            Map.entry("chargeback_rate", "many chargebacks per sale"),
            Map.entry("delivery_rate", "few sales confirmed delivered"),
            Map.entry("mismatch_rate", "trade documents often disagree (customs three-document match)"),
            Map.entry("max_days_past_due", "repayments past due"),
            Map.entry("complaints", "complaints received"),
            Map.entry("store_rating", "low store rating"),
            Map.entry("store_age_months", "young store"),
            Map.entry("penalties", "administrative penalties or court judgments"));

    private final JdbcClient jdbc;
    private final ContributionService contributions;
    private final CreditModelRegistry models;
    private final ScoreStore scores;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate savepoint;
    private final org.springframework.transaction.support.TransactionTemplate pages;
    private final javax.sql.DataSource dataSource;
    /** Whether the scoring pass streams with COPY (PostgreSQL); decided on first use. */
    private volatile Boolean copies;

    MerchantScoring(JdbcClient jdbc, ContributionService contributions, CreditModelRegistry models, ScoreStore scores, Clock clock,
                    org.springframework.transaction.PlatformTransactionManager transactions, javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
        this.savepoint = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.pages = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.contributions = contributions;
        this.models = models;
        this.scores = scores;
        this.clock = clock;
    }

    /** Recomputes the merchant's features from its records, then scores it; empty while no model is active. */
    @Transactional
    public Optional<CreditScore> recompute(PartyId merchant) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        double[] features = MerchantFeatures.compute(contributions.about(merchant), now);
        storeFeatures(merchant, features, now);
        return score(merchant, features, now);
    }

    /**
     * Scores the merchant from its stored features (no recomputation); empty without features or model.
     * Called inside a transaction it joins it, and that transaction keeps its own durability. Called on its
     * own it takes two round trips: the features read by key, then one statement that stores the score and
     * commits, on PostgreSQL without waiting for the WAL flush ({@link ScoreStore#insertWithoutFlushWait}):
     * a score is derived data, and one lost in a crash is computed again from the durable features by the
     * next event or the nightly run, so it need not queue behind everyone else's disk flush.
     */
    public Optional<CreditScore> rescoreStored(PartyId merchant) {
        Optional<CreditModelRegistry.Loaded> model = models.active(CreditModelRegistry.MERCHANT_SCORECARD);
        return model.isEmpty() ? Optional.empty() : rescoreStored(merchant, model.get());
    }

    Optional<CreditScore> rescoreStored(PartyId merchant, CreditModelRegistry.Loaded model) {
        boolean joins = org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive();
        Optional<double[]> features = features(merchant);
        if (features.isEmpty()) {
            return Optional.empty();
        }
        CreditScore score = evaluate(model, merchant, features.get(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (joins || !copies()) {
            scores.insert(TimeOrderedIds.next(clock), score);
        } else {
            scores.insertWithoutFlushWait(TimeOrderedIds.next(clock), score);
        }
        return Optional.of(score);
    }

    /**
     * The scoring pass: every stored feature vector scored by the active merchant scorecard, with reasons,
     * and stored; answers how many. The nightly run's second half, after the features are refreshed; also
     * what a newly activated model version needs. On PostgreSQL a pipeline of binary COPYs
     * ({@link CopyRescoring}); elsewhere pages in key order, each scored in memory and stored with multi-row
     * inserts.
     */
    public int rescoreAll() {
        Optional<CreditModelRegistry.Loaded> model = models.active(CreditModelRegistry.MERCHANT_SCORECARD);
        return model.isEmpty() ? 0 : rescoreAll(model.get(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    int rescoreAll(CreditModelRegistry.Loaded model, Instant at) {
        if (copies()) {
            return CopyRescoring.run(dataSource, model, at, clock);
        }
        int scored = 0;
        UUID after = new UUID(0, 0);
        boolean first = true;
        while (true) {
            List<UUID> parties = new ArrayList<>(CopyRescoring.PAGE);
            List<double[]> features = jdbc.sql(FEATURES + (first ? "" : " where party_id > :after")
                            + " order by party_id fetch first :n rows only")
                    .param("after", after).param("n", CopyRescoring.PAGE).query((rs, row) -> {
                        parties.add(rs.getObject(12, UUID.class));
                        return readFeatures(rs, row);
                    }).list();
            if (features.isEmpty()) {
                return scored;
            }
            List<CreditScore> page = new ArrayList<>(features.size());
            for (int i = 0; i < features.size(); i++) {
                page.add(evaluate(model, new PartyId(parties.get(i)), features.get(i), at));
            }
            pages.executeWithoutResult(status -> scores.insertAll(ScoreIds.page(clock, page.size()), page));
            scored += page.size();
            after = parties.getLast();
            first = false;
        }
    }

    private boolean copies() {
        Boolean known = copies;
        if (known == null) {
            known = CopyRescoring.applies(dataSource);
            copies = known;
        }
        return known;
    }

    /**
     * The nightly run: every party with contributions gets fresh features, then every stored feature vector
     * is scored ({@link #rescoreAll()}). Answers how many were scored. The features are refreshed set-based,
     * a page of parties at a time in one transaction: one query reads the page's records, the features are
     * computed in memory and stored with multi-row statements. A page that fails is done again party by
     * party, so that one broken record costs only its own party's features. Features of parties left with
     * no records at all (retention deleted them) are dropped: there is nothing to score them on.
     */
    public int recomputeAll() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID after = new UUID(0, 0);
        boolean first = true;
        while (true) {
            List<UUID> page = jdbc.sql("select distinct subject_id from credit_contributions"
                            + (first ? "" : " where subject_id > :after") + " order by subject_id fetch first :n rows only")
                    .param("after", after).param("n", PAGE).query(UUID.class).list();
            if (page.isEmpty()) {
                break;
            }
            try {
                pages.executeWithoutResult(status -> refreshFeatures(page, now));
            } catch (RuntimeException e) {
                log.warn("credit features of a page of {} parties recomputed one by one: {}", page.size(), e.toString());
                for (UUID subject : page) {
                    try {
                        pages.executeWithoutResult(status -> refreshFeatures(List.of(subject), now));
                    } catch (RuntimeException single) {
                        log.warn("credit features of {} not recomputed: {}", subject, single.toString());
                    }
                }
            }
            after = page.getLast();
            first = false;
        }
        jdbc.sql("""
                delete from credit_features where not exists
                  (select 1 from credit_contributions c where c.subject_id = credit_features.party_id)""").update();
        Optional<CreditModelRegistry.Loaded> model = models.active(CreditModelRegistry.MERCHANT_SCORECARD);
        return model.isEmpty() ? 0 : rescoreAll(model.get(), now);
    }

    /** Parties per page of the nightly run. */
    static final int PAGE = 500;

    private void refreshFeatures(List<UUID> page, Instant now) {
        Map<PartyId, List<org.finbridge.credit.Contribution>> records = contributions.about(page);
        List<PartyId> parties = new ArrayList<>(page.size());
        List<double[]> features = new ArrayList<>(page.size());
        for (UUID subject : page) {
            PartyId party = new PartyId(subject);
            parties.add(party);
            features.add(MerchantFeatures.compute(records.getOrDefault(party, List.of()), now));
        }
        storeFeatures(parties, features, now);
    }

    /** Replaces the features of many parties: one delete and multi-row inserts. */
    private void storeFeatures(List<PartyId> parties, List<double[]> features, Instant at) {
        jdbc.sql("delete from credit_features where party_id in (:p)")
                .param("p", parties.stream().map(PartyId::value).toList()).update();
        for (int from = 0; from < parties.size(); from += ScoreStore.ROWS_PER_INSERT) {
            int to = Math.min(parties.size(), from + ScoreStore.ROWS_PER_INSERT);
            StringBuilder sql = new StringBuilder("""
                    insert into credit_features (party_id, sales_count, months_with_sales, refund_rate, chargeback_rate,
                      delivery_rate, mismatch_rate, max_days_past_due, complaints, store_rating, store_age_months,
                      penalties, computed_at) values\s""");
            List<Object> params = new ArrayList<>();
            for (int i = from; i < to; i++) {
                sql.append(i == from ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                params.add(parties.get(i).value());
                for (double f : features.get(i)) {
                    params.add(Double.isNaN(f) ? null : f);
                }
                params.add(at.atOffset(ZoneOffset.UTC));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /**
     * Re-scores at once, in the transaction that received the record and under a savepoint: a failure leaves
     * the record in place for the nightly run, and no second connection is taken while the publisher holds
     * its own (an after-commit listener in a new transaction would, and concurrent requests would then
     * exhaust the pool waiting for each other).
     */
    @EventListener
    void on(ContributionReceived event) {
        if (!RESCORE_NOW.contains(event.category())) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> recompute(event.subject()));
        } catch (RuntimeException e) {
            log.warn("credit score of {} left for the nightly run: {}", event.subject(), e.toString());
        }
    }

    /** A corrected or removed record re-scores its subject at once, the same way (art. 25). */
    @EventListener
    void on(ContributionCorrected event) {
        try {
            savepoint.executeWithoutResult(status -> recompute(event.subject()));
        } catch (RuntimeException e) {
            log.warn("credit score of {} left for the nightly run: {}", event.subject(), e.toString());
        }
    }

    Optional<CreditScore> score(PartyId merchant, double[] features, Instant at) {
        Optional<CreditModelRegistry.Loaded> model = models.active(CreditModelRegistry.MERCHANT_SCORECARD);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        CreditScore score = evaluate(model.get(), merchant, features, at);
        scores.insert(TimeOrderedIds.next(clock), score);
        return Optional.of(score);
    }

    /** The score of a feature vector: points, grade, probability and reason codes. No I/O. */
    public static CreditScore evaluate(CreditModelRegistry.Loaded model, PartyId merchant, double[] features, Instant at) {
        Scorecard card = model.scorecard();
        int[] bins = new int[card.features().size()];
        Object[] values = new Object[bins.length];
        for (int j = 0; j < bins.length; j++) {
            FeatureBinning f = card.features().get(j);
            int index = MerchantFeatures.NAMES.indexOf(f.name());
            double value = index < 0 ? Double.NaN : features[index];
            bins[j] = f.bin(value);
            values[j] = Double.isNaN(value) ? null : value;
        }
        double points = card.points(bins);
        int rounded = (int) Math.round(points);
        List<ReasonCode> reasons = new ArrayList<>();
        for (ReasonCode r : card.reasons(bins, values, Scorecard.MAX_REASONS)) {
            String words = WORDS.getOrDefault(r.feature(), r.description());
            reasons.add(new ReasonCode(r.code(), r.feature(), r.value(), r.pointsLost(),
                    r.value().equals(FeatureBinning.MISSING) ? r.feature().replace('_', ' ') + " not reported" : words));
        }
        return new CreditScore(merchant, rounded, CreditGrade.ofPoints(rounded), reasons, Scorecard.probabilityBad(points),
                model.version().id(), at);
    }

    void storeFeatures(PartyId merchant, double[] f, Instant at) {
        int updated = jdbc.sql("""
                update credit_features set sales_count = :f0, months_with_sales = :f1, refund_rate = :f2,
                  chargeback_rate = :f3, delivery_rate = :f4, mismatch_rate = :f5, max_days_past_due = :f6,
                  complaints = :f7, store_rating = :f8, store_age_months = :f9, penalties = :f10, computed_at = :at
                where party_id = :p""").params(featureParams(merchant, f, at)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into credit_features (party_id, sales_count, months_with_sales, refund_rate, chargeback_rate,
                      delivery_rate, mismatch_rate, max_days_past_due, complaints, store_rating, store_age_months,
                      penalties, computed_at)
                    values (:p, :f0, :f1, :f2, :f3, :f4, :f5, :f6, :f7, :f8, :f9, :f10, :at)""")
                    .params(featureParams(merchant, f, at)).update();
        }
    }

    private static Map<String, Object> featureParams(PartyId merchant, double[] f, Instant at) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("p", merchant.value());
        params.put("at", at.atOffset(ZoneOffset.UTC));
        for (int i = 0; i < f.length; i++) {
            params.put("f" + i, Double.isNaN(f[i]) ? null : f[i]);
        }
        return params;
    }

    Optional<double[]> features(PartyId merchant) {
        return jdbc.sql(FEATURES + " where party_id = :p").param("p", merchant.value())
                .query(MerchantScoring::readFeatures).optional();
    }

    static final String FEATURES = """
            select sales_count, months_with_sales, refund_rate, chargeback_rate, delivery_rate, mismatch_rate,
                   max_days_past_due, complaints, store_rating, store_age_months, penalties, party_id from credit_features""";

    static double[] readFeatures(ResultSet rs, int row) throws SQLException {
        double[] f = new double[MerchantFeatures.NAMES.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = rs.getDouble(i + 1);
            if (rs.wasNull()) {
                f[i] = Double.NaN;
            }
        }
        return f;
    }
}
