package org.finbridge.settlement.internal;

import org.finbridge.settlement.PayoutScreening;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beneficiary screening step when no sanctions screening service is configured: it screens nothing
 * and says so, which the payout's audit entry records. Replaced by the compliance module's service.
 */
class UnscreenedPayouts implements PayoutScreening {

    @Override
    public Outcome screen(Beneficiary beneficiary) {
        return new Unavailable("no sanctions screening service is configured");
    }

    @Configuration(proxyBeanMethods = false)
    static class PayoutScreeningConfiguration {

        @Bean
        @ConditionalOnMissingBean(PayoutScreening.class)
        PayoutScreening unscreenedPayouts() {
            return new UnscreenedPayouts();
        }
    }
}
