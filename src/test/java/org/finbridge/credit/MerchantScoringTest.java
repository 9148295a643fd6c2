package org.finbridge.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.finbridge.credit.internal.CreditJobs;
import org.finbridge.credit.internal.MerchantScoring;
import org.finbridge.credit.internal.CreditModelRegistry;
import org.finbridge.credit.internal.SyntheticMerchants;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class MerchantScoringTest {

    @Autowired
    CreditModelRegistry registry;
    @Autowired
    MerchantScoring scoring;
    @Autowired
    CreditScores scores;
    @Autowired
    Contributions contributions;
    @Autowired
    CreditJobs jobs;
    @Autowired
    TestActors actors;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aModelIsActive() {
        if (registry.active(CreditModelRegistry.MERCHANT_SCORECARD).isEmpty()) {
            registry.register(CreditModelRegistry.MERCHANT_SCORECARD, SyntheticMerchants.table(6000, 1),
                    SyntheticMerchants.table(3000, 2), "test");
        }
    }

    void add(PartyId provider, PartyId merchant, ContributionCategory category, String source, double amount, Instant at) {
        ContributionResult r = contributions.submit(new NewContribution(provider, null, merchant, category, source, amount,
                null, at, null, category.negative() ? at : null, null));
        assertThat(r).as(source).isInstanceOf(ContributionResult.Accepted.class);
    }

    @Test
    void everyVersionIsStoredWithItsValidationReportAndStabilityAgainstThePrevious() {
        ModelVersion next = registry.register(CreditModelRegistry.MERCHANT_SCORECARD, SyntheticMerchants.table(6000, 3),
                SyntheticMerchants.table(3000, 4), "test");
        ValidationReport report = next.report();
        assertThat(report.auc()).isGreaterThan(0.7);
        assertThat(report.gini()).isEqualTo(2 * report.auc() - 1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(report.ks()).isBetween(0.2, 1.0);
        assertThat(report.calibration()).isNotEmpty();
        assertThat(report.calibration()).allSatisfy(b -> assertThat(b.predictedBadRate()).isBetween(0.0, 1.0));
        // same population, a new sample: stable
        assertThat(report.psi()).isNotNull().isLessThan(0.1);
        List<ModelVersion> versions = registry.versions(CreditModelRegistry.MERCHANT_SCORECARD);
        assertThat(versions).filteredOn(ModelVersion::active).hasSize(1);
        assertThat(versions.getLast().version()).isEqualTo(next.version());
        assertThat(registry.active(CreditModelRegistry.MERCHANT_SCORECARD).orElseThrow().version().id()).isEqualTo(next.id());
    }

    @Test
    void aMerchantsScoreIsExplainedByItsTradeAndFollowsNegativeRecords() {
        PartyId marketplace = actors.party(PartyKind.MARKETPLACE).partyId();
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        Instant now = clock.instant();
        for (int i = 0; i < 40; i++) {
            add(marketplace, merchant, ContributionCategory.SALE, "order-" + i, 50, now.minus(Duration.ofDays(3 * i + 1)));
            add(marketplace, merchant, ContributionCategory.DELIVERY, "delivery-" + i, 1, now.minus(Duration.ofDays(3 * i)));
        }
        add(marketplace, merchant, ContributionCategory.STORE_RATING, "rating", 4.8, now.minus(Duration.ofDays(1)));
        CreditScore good = scoring.recompute(merchant).orElseThrow();
        assertThat(scores.latest(merchant)).contains(good);
        assertThat(good.modelVersion()).startsWith(CreditModelRegistry.MERCHANT_SCORECARD + ":");
        assertThat(good.grade()).isEqualTo(CreditGrade.ofPoints(good.points()));

        // a chargeback and a repayment 75 days overdue: the score falls at once, and says why
        add(marketplace, merchant, ContributionCategory.CHARGEBACK, "cb-1", 50, now.minus(Duration.ofDays(2)));
        add(marketplace, merchant, ContributionCategory.CHARGEBACK, "cb-2", 50, now.minus(Duration.ofDays(2)));
        clock.advance(Duration.ofSeconds(1));
        add(lender, merchant, ContributionCategory.REPAYMENT_OVERDUE, "loan-1", 75, now.minus(Duration.ofDays(1)));
        CreditScore bad = scores.latest(merchant).orElseThrow();
        assertThat(bad.points()).isLessThan(good.points());
        assertThat(bad.reasons()).extracting(ReasonCode::feature).contains("max_days_past_due");
        assertThat(bad.reasons()).allSatisfy(r -> assertThat(r.pointsLost()).isPositive());
        assertThat(bad.reasons().getFirst().description()).isNotBlank();
    }

    @Test
    void theNightlyJobRescoresOncePerNightOnTheClock() {
        PartyId marketplace = actors.party(PartyKind.MARKETPLACE).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        add(marketplace, merchant, ContributionCategory.SALE, "order-1", 10, clock.instant());
        assertThat(scores.latest(merchant)).isEmpty();
        // to 02:30 of the next day in the platform's zone
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        ZonedDateTime next = clock.instant().atZone(zone).toLocalDate().plusDays(1).atTime(2, 30).atZone(zone);
        clock.advance(Duration.between(clock.instant(), next.toInstant()));
        jobs.runDue();
        CreditScore nightly = scores.latest(merchant).orElseThrow();
        assertThat(nightly.scoredAt()).isEqualTo(clock.instant());
        long count = count(merchant);
        clock.advance(Duration.ofHours(1));
        jobs.runDue();
        assertThat(count(merchant)).isEqualTo(count);
    }

    @Test
    void theNightlyRunScoresAPageOfMerchantsAtOnceExactlyAsOneByOne() {
        PartyId marketplace = actors.party(PartyKind.MARKETPLACE).partyId();
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        List<PartyId> merchants = List.of(actors.party(PartyKind.MERCHANT).partyId(), actors.party(PartyKind.MERCHANT).partyId(),
                actors.party(PartyKind.MERCHANT).partyId());
        Instant now = clock.instant();
        for (int m = 0; m < merchants.size(); m++) {
            for (int i = 0; i < 10 * (m + 1); i++) {
                add(marketplace, merchants.get(m), ContributionCategory.SALE, "page-order-" + i, 20, now.minus(Duration.ofDays(11 * i + 1)));
            }
            add(marketplace, merchants.get(m), ContributionCategory.REFUND, "page-refund", 20, now.minus(Duration.ofDays(5)));
        }
        add(marketplace, merchants.get(1), ContributionCategory.STORE_AGE, "page-age", 14, now.minus(Duration.ofDays(40)));
        add(lender, merchants.get(2), ContributionCategory.REPAYMENT_OVERDUE, "page-loan", 31, now.minus(Duration.ofDays(3)));
        clock.advance(Duration.ofSeconds(1));
        List<CreditScore> oneByOne = merchants.stream().map(m -> scoring.recompute(m).orElseThrow()).toList();

        clock.advance(Duration.ofSeconds(1));
        assertThat(scoring.recomputeAll()).isGreaterThanOrEqualTo(merchants.size());
        for (int m = 0; m < merchants.size(); m++) {
            CreditScore nightly = scores.latest(merchants.get(m)).orElseThrow();
            CreditScore single = oneByOne.get(m);
            assertThat(nightly.scoredAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            assertThat(nightly.points()).isEqualTo(single.points());
            assertThat(nightly.probabilityOfDefault()).isEqualTo(single.probabilityOfDefault());
            assertThat(nightly.reasons()).isEqualTo(single.reasons());
        }
        assertThat(oneByOne.get(2).reasons()).extracting(ReasonCode::feature).contains("max_days_past_due");
    }

    @Test
    void oneMerchantsScoreFromItsStoredFeaturesIsStoredAndCommittedAsComputed() {
        PartyId marketplace = actors.party(PartyKind.MARKETPLACE).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        Instant now = clock.instant();
        for (int i = 0; i < 12; i++) {
            add(marketplace, merchant, ContributionCategory.SALE, "single-order-" + i, 30, now.minus(Duration.ofDays(9 * i + 1)));
        }
        add(marketplace, merchant, ContributionCategory.COMPLAINT, "single-complaint", 1, now.minus(Duration.ofDays(4)));
        CreditScore computed = scoring.recompute(merchant).orElseThrow();
        long before = count(merchant);

        clock.advance(Duration.ofSeconds(1));
        CreditScore again = scoring.rescoreStored(merchant).orElseThrow();
        assertThat(count(merchant)).isEqualTo(before + 1);
        assertThat(scores.latest(merchant)).contains(again);
        assertThat(again.scoredAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(again.points()).isEqualTo(computed.points());
        assertThat(again.reasons()).isEqualTo(computed.reasons());
        // the relaxed commit is the score's own: the connection goes back to the pool with durable commits
        assertThat(jdbc.sql("select count(*) from credit_scores where party_id = :p").param("p", merchant.value())
                .query(Long.class).single()).isEqualTo(before + 1);
        if (isPostgres()) {
            for (int i = 0; i < 12; i++) { // every pooled connection would have to show it
                assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            }
        }

        PartyId unscored = actors.party(PartyKind.MERCHANT).partyId();
        assertThat(scoring.rescoreStored(unscored)).isEmpty();
        assertThat(count(unscored)).isZero();
    }

    @Autowired
    javax.sql.DataSource dataSource;

    boolean isPostgres() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(PartyId merchant) {
        return jdbc.sql("select count(*) from credit_scores where party_id = :p").param("p", merchant.value())
                .query(Long.class).single();
    }
}
