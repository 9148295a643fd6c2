package org.finbridge.risk.fraud.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.risk.fraud.internal.Attempts.MINUTE;
import static org.finbridge.risk.fraud.internal.Attempts.T0;

import org.junit.jupiter.api.Test;

/** The warm cache's windows slide, its links count distinct cards, and later outcomes reach it. */
class FeatureCacheTest {

    final FeatureCache cache = new FeatureCache();

    double feature(Transaction t, Feature f) {
        return cache.features(t)[f.index()];
    }

    @Test
    void aCardsAttemptsCountInTheLastHourOnlyAndTheWindowSlides() {
        Attempts a = new Attempts();
        for (int i = 0; i < 3; i++) {
            cache.record(a.at(T0 + i * 10 * MINUTE).build());
        }
        assertThat(feature(a.at(T0 + 30 * MINUTE).build(), Feature.CARD_ATTEMPTS_1H)).isEqualTo(3);
        // at T0 + 65 min the first attempt (T0) has left the hour; the others have not
        assertThat(feature(a.at(T0 + 65 * MINUTE).build(), Feature.CARD_ATTEMPTS_1H)).isEqualTo(2);
        assertThat(feature(a.at(T0 + 65 * MINUTE).build(), Feature.CARD_ATTEMPTS_24H)).isEqualTo(3);
        assertThat(feature(a.at(T0 + 25 * 60 * MINUTE).build(), Feature.CARD_ATTEMPTS_24H)).isZero();
    }

    @Test
    void aDeviceCountsTheDistinctCardsUsedFromItIncludingTheAttemptsOwn() {
        Attempts a = new Attempts();
        for (int i = 0; i < 3; i++) {
            cache.record(a.card("c" + i).at(T0 + i * MINUTE).build());
        }
        cache.record(a.card("c0").at(T0 + 4 * MINUTE).build()); // the same card again is not another card
        assertThat(feature(a.card("c9").at(T0 + 5 * MINUTE).build(), Feature.DEVICE_CARDS_24H)).isEqualTo(4);
        assertThat(feature(a.card("c1").at(T0 + 5 * MINUTE).build(), Feature.DEVICE_CARDS_24H)).isEqualTo(3);
        assertThat(feature(a.device("another").card("c9").at(T0 + 5 * MINUTE).build(), Feature.DEVICE_CARDS_24H)).isEqualTo(1);
    }

    @Test
    void smallAuthorizationsCountAsCardTestingOnlyWhenSmall() {
        Attempts a = new Attempts();
        for (int i = 0; i < 4; i++) {
            cache.record(a.card("t" + i).amount(1.00).at(T0 + i * MINUTE).build());
        }
        cache.record(a.card("big").amount(80).at(T0 + 5 * MINUTE).build());
        assertThat(feature(a.card("t9").amount(1).at(T0 + 6 * MINUTE).build(), Feature.SMALL_AUTHS_10M)).isEqualTo(4);
        assertThat(feature(a.card("t9").amount(1).at(T0 + 6 * MINUTE).build(), Feature.MERCHANT_SMALL_AUTHS_10M)).isEqualTo(4);
        // ten minutes after the last small one, none is left in the window
        assertThat(feature(a.card("t9").amount(1).at(T0 + 14 * MINUTE).build(), Feature.SMALL_AUTHS_10M)).isZero();
    }

    @Test
    void anEmailSeenFromOneDeviceMakesAnotherDeviceNew() {
        Attempts a = new Attempts();
        cache.record(a.at(T0).build());
        assertThat(feature(a.at(T0 + MINUTE).build(), Feature.NEW_DEVICE_FOR_EMAIL)).isZero();
        assertThat(feature(a.device("stranger").at(T0 + MINUTE).build(), Feature.NEW_DEVICE_FOR_EMAIL)).isEqualTo(1);
        assertThat(feature(a.device("stranger").at(T0 + MINUTE).build(), Feature.NEW_DEVICE_FOR_CARD)).isEqualTo(1);
        assertThat(feature(a.email("new@mail.test").at(T0 + MINUTE).build(), Feature.NEW_DEVICE_FOR_EMAIL)).isZero();
    }

    @Test
    void countriesThatDisagreeAreCountedPairByPair() {
        Attempts a = new Attempts();
        double[] f = cache.features(a.countries("DE", "NG", "US").build());
        assertThat(f[Feature.BIN_COUNTRY_NOT_IP_COUNTRY.index()]).isEqualTo(1);
        assertThat(f[Feature.BIN_COUNTRY_NOT_SHIPPING_COUNTRY.index()]).isEqualTo(1);
        assertThat(f[Feature.IP_COUNTRY_NOT_SHIPPING_COUNTRY.index()]).isEqualTo(1);
        assertThat(f[Feature.COUNTRY_MISMATCHES.index()]).isEqualTo(3);
        assertThat(cache.features(a.countries("DE", "DE", null).build())[Feature.COUNTRY_MISMATCHES.index()]).isZero();
    }

    @Test
    void refundsChargebacksAndConfirmedFraudReachTheCardByTheAttemptsReference() {
        Attempts a = new Attempts();
        Transaction first = a.at(T0).build();
        cache.record(first);
        assertThat(cache.outcome(first.reference(), FeatureCache.Outcome.CHARGED_BACK, T0 + 86_400_000L)).isTrue();
        assertThat(cache.outcome("unknown", FeatureCache.Outcome.CHARGED_BACK, T0)).isFalse();
        Transaction later = a.at(T0 + 2 * 86_400_000L).build();
        assertThat(feature(later, Feature.CHARGEBACKS_180D)).isEqualTo(3); // on card, e-mail and device
        assertThat(feature(later, Feature.CONFIRMED_FRAUD)).isZero();
        cache.outcome(first.reference(), FeatureCache.Outcome.CONFIRMED_FRAUD, T0);
        assertThat(feature(a.card("other").email(null).device(null).build(), Feature.CONFIRMED_FRAUD))
                .as("the IP address is marked too").isEqualTo(1);
    }

    @Test
    void theAmountIsComparedWithTheMerchantsHabitOnceThereIsEnoughOfIt() {
        Attempts a = new Attempts();
        for (int i = 0; i < FeatureCache.MERCHANT_MIN_HISTORY - 1; i++) {
            cache.record(a.card("h" + i).amount(40 + i % 5).at(T0 + i * MINUTE).build());
        }
        assertThat(feature(a.card("x").amount(4_000).build(), Feature.AMOUNT_VS_MERCHANT)).as("too little history").isZero();
        cache.record(a.card("h-last").amount(42).build());
        assertThat(feature(a.card("x").amount(4_000).build(), Feature.AMOUNT_VS_MERCHANT)).isGreaterThan(5);
        assertThat(feature(a.card("x").amount(42).build(), Feature.AMOUNT_VS_MERCHANT)).isBetween(-1.0, 1.0);
    }
}
