package org.finbridge.risk.fraud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.payments.Buyer;
import org.finbridge.payments.CardNetwork;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentMethod;
import org.finbridge.payments.RiskPolicy;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The warm cache is rebuilt from the stored decisions: after a restart the windows count what came before. */
@ApplicationTest
class CacheRebuildTest {

    @Autowired
    RiskPolicy policy;
    @Autowired
    FeatureCache cache;
    @Autowired
    FraudConfiguration.Starter starter;
    @Autowired
    FraudRiskPolicy fraudPolicy;
    @Autowired
    MutableClock clock;

    @Test
    void theDecisionsStoredBeforeARestartCountAgainAfterIt() {
        String run = UUID.randomUUID().toString();
        PartyId merchant = new PartyId(UUID.randomUUID());
        PaymentMethod card = new PaymentMethod(MethodType.CARD, new PaymentMethod.Card("tok_" + run, "411111", "1111", 12, 2099,
                CardNetwork.VISA, "fp_" + run), null);
        Buyer buyer = new Buyer(null, "DE", run + "@mail.test", "10.9.0.1", "dev-" + run, "DE", "DE");
        for (int i = 0; i < 3; i++) {
            RiskPolicy.Decision d = policy.assess(new RiskPolicy.Facts(new PaymentId(UUID.randomUUID()), merchant, buyer,
                    Money.ofMinor(2_500, "EUR"), card, "DE"));
            assertThat(d.assessment().decisionId()).startsWith("frd_");
            assertThat(d.assessment().modelVersion()).isNotBlank();
        }
        RiskPolicy.Facts next = new RiskPolicy.Facts(new PaymentId(UUID.randomUUID()), merchant, buyer, Money.ofMinor(2_500, "EUR"),
                card, "DE");
        Transaction probe = fraudPolicy.attempt(next, clock.instant());
        assertThat(cache.features(probe)[Feature.CARD_ATTEMPTS_1H.index()]).isEqualTo(3);

        cache.clear();
        assertThat(cache.features(probe)[Feature.CARD_ATTEMPTS_1H.index()]).isZero();
        assertThat(starter.rebuild()).isGreaterThanOrEqualTo(3);
        double[] rebuilt = cache.features(probe);
        assertThat(rebuilt[Feature.CARD_ATTEMPTS_1H.index()]).isEqualTo(3);
        assertThat(rebuilt[Feature.DEVICE_ATTEMPTS_1H.index()]).isEqualTo(3);
        assertThat(rebuilt[Feature.EMAIL_ATTEMPTS_24H.index()]).isEqualTo(3);
        assertThat(rebuilt[Feature.NEW_CARD.index()]).isZero();
    }
}
