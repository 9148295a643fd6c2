package org.finbridge.risk.fraud.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The fraud engine's parts, and its start: the shipped model until the registry's active one is loaded,
 * the BIN table, and the warm cache rebuilt from the decisions of the last {@code rebuildDays} days.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FraudProperties.class)
class FraudConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FraudConfiguration.class);

    @Bean
    FeatureCache fraudFeatureCache() {
        return new FeatureCache();
    }

    @Bean
    FraudEngine fraudEngine(FeatureCache cache) {
        return new FraudEngine(cache, FraudRules.IN_FORCE, ModelRegistry.shipped().scorer());
    }

    @Bean
    Starter fraudStarter(ModelRegistry registry, BinCountries bins, DecisionStore decisions, FeatureCache cache,
                         FraudProperties properties, Clock clock) {
        return new Starter(registry, bins, decisions, cache, properties, clock);
    }

    record Starter(ModelRegistry registry, BinCountries bins, DecisionStore decisions, FeatureCache cache,
                   FraudProperties properties, Clock clock) {

        @EventListener(ApplicationReadyEvent.class)
        public void start() {
            registry.start();
            bins.load();
            rebuild();
        }

        /** Replays the stored decisions and their outcomes into an empty cache. */
        int rebuild() {
            cache.clear();
            int[] n = {0};
            decisions.replaySince(clock.instant().minus(Duration.ofDays(properties.rebuildDays())), s -> {
                Transaction t = s.attempt();
                cache.record(t);
                var keys = new FeatureCache.Keys(t.card(), t.email(), t.device(), t.ip());
                if (s.declinedAt() != null) {
                    cache.outcome(keys, FeatureCache.Outcome.DECLINED, s.declinedAt().toEpochMilli());
                }
                if (s.refundedAt() != null) {
                    cache.outcome(keys, FeatureCache.Outcome.REFUNDED, s.refundedAt().toEpochMilli());
                }
                if (s.disputedAt() != null) {
                    cache.outcome(keys, FeatureCache.Outcome.CHARGED_BACK, s.disputedAt().toEpochMilli());
                }
                if ("FRAUD".equals(s.label()) && "REVIEW".equals(s.labelSource())) {
                    cache.outcome(keys, FeatureCache.Outcome.CONFIRMED_FRAUD, t.atMillis());
                }
                n[0]++;
            });
            log.info("fraud scoring: cache rebuilt from {} stored decisions ({} entities)", n[0], cache.size());
            return n[0];
        }
    }
}
