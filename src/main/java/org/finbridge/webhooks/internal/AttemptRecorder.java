package org.finbridge.webhooks.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.finbridge.webhooks.DeliveryStatus;
import org.finbridge.webhooks.EndpointStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records how an attempt ended and what happens next, in one transaction: delivered on 2xx; on 410
 * Gone the delivery fails and the endpoint is disabled (the receiver says the URL is gone for good, as
 * Stripe and GitHub treat it); on anything else another attempt per the {@link RetrySchedule}, or
 * FAILED once the retry window is over.
 */
@Component
class AttemptRecorder {

    static final String GONE_REASON = "the receiver answered 410 Gone";

    private final DeliveryRows deliveries;
    private final EndpointRows endpoints;
    private final RetrySchedule schedule;
    private final WebhookAudit audit;
    private final Clock clock;

    AttemptRecorder(DeliveryRows deliveries, EndpointRows endpoints, RetrySchedule schedule, WebhookAudit audit, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.schedule = schedule;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void record(Claim claim, Instant attemptedAt, AttemptResult result) {
        deliveries.recordAttempt(claim.deliveryId(), claim.attempt(), attemptedAt, result);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        switch (result.outcome()) {
            case DELIVERED -> deliveries.finish(claim, DeliveryStatus.DELIVERED, null, attemptedAt, result);
            case GONE -> {
                deliveries.finish(claim, DeliveryStatus.FAILED, null, attemptedAt, result);
                disableGoneEndpoint(claim, now);
            }
            default -> {
                Optional<Instant> next = schedule.next(claim.attempt(), now, claim.giveUpAt());
                deliveries.finish(claim, next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
                        next.orElse(null), attemptedAt, result);
            }
        }
    }

    private void disableGoneEndpoint(Claim claim, Instant now) {
        if (endpoints.changeStatus(claim.endpointId(), EndpointStatus.DISABLED, GONE_REASON, now)) {
            int cancelled = deliveries.cancelPending(claim.endpointId(), "endpoint disabled: " + GONE_REASON);
            audit.recordBySystem("webhooks.endpoint.disable", WebhookAudit.OBJECT_ENDPOINT, claim.endpointId().toString(),
                    "ENABLED " + claim.url(), "DISABLED: " + GONE_REASON + ", " + cancelled + " pending deliveries cancelled");
        }
    }
}
