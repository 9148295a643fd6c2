package org.finbridge.ledger.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {

    @Bean
    TransferBatcher transferBatcher(DataSource dataSource, Clock clock, LedgerProperties properties,
                                    ObjectProvider<MeterRegistry> meters,
                                    // the drain gets one shutdown phase, like every other stopping component
                                    @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration drainTimeout) {
        // before the first transfer is accepted: a ledger on non-durable commits would acknowledge
        // money it can lose (issue 11, durability guard)
        DurabilityGuard.check(dataSource, properties.allowNonDurableCommits());
        return new TransferBatcher(new BatchStore(dataSource), clock, properties.maxBatchTransfers(),
                properties.queueCapacityTransfers(), properties.maxBatchDelay(), drainTimeout,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /**
     * The health component "ledger", part of the readiness probe: UP while the batcher accepts transfers,
     * OUT_OF_SERVICE before it has started and from the moment a shutdown begins draining its queue, so
     * an orchestrator routes no request to a node that would refuse every transfer.
     */
    @Bean
    HealthIndicator ledgerHealthIndicator(TransferBatcher batcher) {
        return () -> (batcher.isAccepting() ? Health.up() : Health.outOfService()
                .withDetail("reason", "the ledger batcher is not accepting transfers (starting or draining)"))
                .withDetail("queuedTransfers", batcher.queuedTransfers())
                .build();
    }
}
