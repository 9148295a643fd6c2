package org.finbridge.risk.fraud.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.risk.fraud.internal.Attempts.MINUTE;
import static org.finbridge.risk.fraud.internal.Attempts.T0;

import java.util.List;
import org.finbridge.risk.fraud.FraudOutcome;
import org.junit.jupiter.api.Test;

/** Each fraud rule fires at its threshold and not one below it, with the outcome it names. */
class FraudRulesTest {

    final FeatureCache cache = new FeatureCache();

    static FraudRule rule(String code) {
        return FraudRules.IN_FORCE.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    boolean fires(String code, Transaction t) {
        return rule(code).firesOn(t, cache.features(t));
    }

    @Test
    void cardTestingBlocksTheFifthSmallAuthorizationWithinTenMinutes() {
        Attempts a = new Attempts();
        for (int i = 0; i < FraudRules.CARD_TESTING_SMALL_AUTHS - 2; i++) {
            cache.record(a.card("t" + i).amount(1).at(T0 + i * MINUTE).build());
        }
        assertThat(fires("card_testing", a.card("t8").amount(1).at(T0 + 5 * MINUTE).build())).as("the 4th").isFalse();
        cache.record(a.card("t3").amount(1).at(T0 + 5 * MINUTE).build());
        assertThat(fires("card_testing", a.card("t9").amount(1).at(T0 + 6 * MINUTE).build())).as("the 5th").isTrue();
        assertThat(fires("card_testing", a.card("t9").amount(60).at(T0 + 6 * MINUTE).build())).as("not small").isFalse();
        assertThat(rule("card_testing").outcome()).isEqualTo(FraudOutcome.BLOCK);
    }

    @Test
    void cardVelocityBlocksTheTenthAttemptInAnHour() {
        Attempts a = new Attempts();
        for (int i = 0; i < FraudRules.CARD_VELOCITY_PER_HOUR - 2; i++) {
            cache.record(a.device("d" + i).ip("ip" + i).at(T0 + i * MINUTE).build());
        }
        assertThat(fires("card_velocity", a.at(T0 + 20 * MINUTE).build())).as("the 9th").isFalse();
        cache.record(a.at(T0 + 20 * MINUTE).build());
        assertThat(fires("card_velocity", a.at(T0 + 21 * MINUTE).build())).as("the 10th").isTrue();
        assertThat(fires("card_velocity", a.at(T0 + 62 * MINUTE).build())).as("an hour on").isFalse();
    }

    @Test
    void aDeviceBlocksItsFifthDistinctCardInADay() {
        Attempts a = new Attempts();
        for (int i = 0; i < FraudRules.DEVICE_CARDS_PER_DAY - 2; i++) {
            cache.record(a.card("c" + i).at(T0 + i * 60 * MINUTE).build());
        }
        assertThat(fires("device_many_cards", a.card("c8").at(T0 + 5 * 60 * MINUTE).build())).isFalse();
        cache.record(a.card("c3").at(T0 + 5 * 60 * MINUTE).build());
        assertThat(fires("device_many_cards", a.card("c9").at(T0 + 6 * 60 * MINUTE).build())).isTrue();
        assertThat(fires("device_many_cards", a.card("c0").at(T0 + 6 * 60 * MINUTE).build())).as("a card it used").isFalse();
    }

    @Test
    void anIpAddressSendsItsEighthDistinctCardInADayToReview() {
        Attempts a = new Attempts();
        for (int i = 0; i < FraudRules.IP_CARDS_PER_DAY - 1; i++) {
            cache.record(a.card("c" + i).device("d" + i).at(T0 + i * MINUTE).build());
        }
        assertThat(fires("ip_many_cards", a.card("c0").device("dx").build())).isFalse();
        assertThat(fires("ip_many_cards", a.card("c9").device("dx").build())).isTrue();
        assertThat(rule("ip_many_cards").outcome()).isEqualTo(FraudOutcome.REVIEW);
    }

    @Test
    void recentDeclinesOnTheCardAskForThreeDSecure() {
        Attempts a = new Attempts();
        Transaction t = a.build();
        cache.record(t);
        for (int i = 0; i < FraudRules.CARD_DECLINES_PER_DAY - 1; i++) {
            cache.outcome(t.reference(), FeatureCache.Outcome.DECLINED, T0 + i * MINUTE);
        }
        assertThat(fires("card_recent_declines", a.at(T0 + 10 * MINUTE).build())).isFalse();
        cache.outcome(t.reference(), FeatureCache.Outcome.DECLINED, T0 + 5 * MINUTE);
        assertThat(fires("card_recent_declines", a.at(T0 + 10 * MINUTE).build())).isTrue();
        assertThat(rule("card_recent_declines").outcome()).isEqualTo(FraudOutcome.CHALLENGE);
    }

    @Test
    void threeCountriesThatAllDisagreeAskForThreeDSecure() {
        Attempts a = new Attempts();
        assertThat(fires("country_mismatch", a.countries("DE", "NG", "US").build())).isTrue();
        assertThat(fires("country_mismatch", a.countries("DE", "NG", "NG").build())).as("two of three agree").isFalse();
        assertThat(fires("country_mismatch", a.countries("DE", null, "US").build())).as("unknown IP country").isFalse();
    }

    @Test
    void aChargebackOnTheCardOrEmailSendsTheNextPaymentToReview() {
        Attempts a = new Attempts();
        Transaction t = a.build();
        cache.record(t);
        assertThat(fires("chargeback_history", a.at(T0 + MINUTE).build())).isFalse();
        cache.outcome(t.reference(), FeatureCache.Outcome.CHARGED_BACK, T0 + 30L * 86_400_000L);
        assertThat(fires("chargeback_history", a.at(T0 + 31L * 86_400_000L).build())).isTrue();
        assertThat(fires("chargeback_history", a.at(T0 + 211L * 86_400_000L).build())).as("after 180 days").isFalse();
    }

    @Test
    void confirmedFraudBlocksEveryEntityOfTheAttempt() {
        Attempts a = new Attempts();
        Transaction t = a.build();
        cache.record(t);
        cache.outcome(t.reference(), FeatureCache.Outcome.CONFIRMED_FRAUD, T0);
        assertThat(fires("confirmed_fraud", a.card("fresh").email("fresh@mail.test").ip("10.9.9.9").build()))
                .as("same device").isTrue();
        assertThat(fires("confirmed_fraud", new Attempts().card("x").email("y@mail.test").ip("10.1.1.1").device("z").build()))
                .isFalse();
    }

    @Test
    void aNewAccountPayingFarAboveTheMerchantsHabitGoesToReview() {
        Attempts a = new Attempts();
        for (int i = 0; i < FeatureCache.MERCHANT_MIN_HISTORY; i++) {
            cache.record(a.card("h" + i).email("h" + i + "@mail.test").device("d" + i).ip("i" + i).amount(40 + i % 7)
                    .at(T0 - 30L * 86_400_000L + i * MINUTE).build());
        }
        Attempts newcomer = new Attempts().card("new").email("new@mail.test").device("nd").ip("ni");
        assertThat(fires("new_account_large_amount", newcomer.amount(5_000).build())).isTrue();
        assertThat(fires("new_account_large_amount", newcomer.amount(45).build())).isFalse();
    }

    @Test
    void theEngineTakesTheMostSevereOutcomeAndChallengesOnlyCards() {
        LinearScorer never = new LinearScorer("never", new double[Feature.COUNT], -20, 0.9, 0.5, 0.3);
        FraudEngine engine = new FraudEngine(cache, FraudRules.IN_FORCE, never);
        var verdict = engine.evaluate(new Attempts().countries("DE", "NG", "US").build());
        assertThat(verdict.outcome()).isEqualTo(FraudOutcome.CHALLENGE);
        assertThat(verdict.reasons()).containsExactly("rule:country_mismatch");
        assertThat(verdict.modelVersion()).isEqualTo("never");
        var wallet = engine.evaluate(new Attempts().notACard().countries(null, "NG", "US").build());
        assertThat(wallet.outcome()).isEqualTo(FraudOutcome.ALLOW);
        assertThat(engine.evaluate(new Attempts().build()).outcome()).isEqualTo(FraudOutcome.ALLOW);
        assertThat(engine.evaluate(new Attempts().build()).reasons()).isEqualTo(List.of());
    }

    @Test
    void theModelsScoreDecidesAboveItsThresholdsAndNamesItsStrongestSignals() {
        double[] w = new double[Feature.COUNT];
        w[Feature.AMOUNT.index()] = 1; // the score rises with the amount's log
        LinearScorer model = new LinearScorer("amount", w, -6, 0.95, 0.5, 0.2);
        FraudEngine engine = new FraudEngine(cache, List.of(), model);
        assertThat(engine.evaluate(new Attempts().amount(10).build()).outcome()).isEqualTo(FraudOutcome.ALLOW);
        assertThat(engine.evaluate(new Attempts().amount(300).build()).outcome()).isEqualTo(FraudOutcome.REVIEW);
        var challenged = engine.evaluate(new Attempts().amount(1_000).build());
        assertThat(challenged.outcome()).isEqualTo(FraudOutcome.CHALLENGE);
        assertThat(challenged.reasons()).containsExactly("model:score_high", "model:amount");
        assertThat(engine.evaluate(new Attempts().notACard().amount(1_000).build()).outcome()).isEqualTo(FraudOutcome.REVIEW);
        assertThat(engine.evaluate(new Attempts().amount(100_000).build()).outcome()).isEqualTo(FraudOutcome.BLOCK);
        var blind = engine.evaluate(new Attempts().email(null).ip(null).device(null).amount(100_000).build());
        assertThat(blind.outcome()).as("no checkout signals: the model alone does not refuse").isEqualTo(FraudOutcome.CHALLENGE);
    }
}
