package org.finbridge.party.internal;

import org.finbridge.party.PartyScreening;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PartyConfiguration {

    /** Replaced by the risk module's screening service once it is present. */
    @Bean
    @ConditionalOnMissingBean(PartyScreening.class)
    PartyScreening manualScreening() {
        return new ManualScreening();
    }
}
