package org.finbridge.platform.internal;

import java.time.Clock;
import java.time.Duration;
import org.finbridge.platform.events.EventEnvelope;
import org.finbridge.platform.events.PublishedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Module events leave the application through Spring Modulith's event externalization: every
 * {@link PublishedEvent} is stored by the event publication registry in the transaction that caused it
 * (the outbox) and, after commit, sent to {@code finbridge.<module>.v1} keyed by its subject; the
 * publication completes only when the broker acknowledged the record (acks=all, idempotent producer),
 * so an event committed while the broker is away is sent again (on restart, and by
 * {@link Resubmission} while running). Consumers see each event at least once and apply it once by its id.
 */
@Configuration(proxyBeanMethods = false)
class EventStreamConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStreamConfiguration.class);

    @Bean
    @ConditionalOnProperty(name = "finbridge.events.kafka.enabled", havingValue = "true")
    EventExternalizationConfiguration eventExternalization(Clock clock) {
        log.info("Module events are externalized to Kafka topics finbridge.<module>.v{}", EventEnvelope.VERSION);
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof PublishedEvent)
                .mapping(PublishedEvent.class, event -> EventEnvelope.of(event, clock.instant()))
                .route(PublishedEvent.class, event -> RoutingTarget.forTarget(EventEnvelope.topic(event))
                        .andKey(event.subject()))
                .build();
    }

    /**
     * Publications that did not complete (a listener failed, the broker was unreachable) are handed to
     * their listeners again once they are older than {@code finbridge.events.resubmit-after}. Delivery is
     * at least once, so every listener and consumer is idempotent.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "finbridge.events.resubmit.enabled", havingValue = "true", matchIfMissing = true)
    static class Resubmission {

        private final IncompleteEventPublications incomplete;
        private final Duration after;

        Resubmission(IncompleteEventPublications incomplete,
                     @org.springframework.beans.factory.annotation.Value("${finbridge.events.resubmit-after:2m}")
                     Duration after) {
            this.incomplete = incomplete;
            this.after = after;
        }

        @Scheduled(fixedDelayString = "${finbridge.events.resubmit-interval:60s}",
                initialDelayString = "${finbridge.events.resubmit-interval:60s}")
        void resubmit() {
            try {
                incomplete.resubmitIncompletePublicationsOlderThan(after);
            } catch (RuntimeException e) {
                log.warn("Resubmitting incomplete event publications failed; next attempt in the next interval", e);
            }
        }
    }
}
