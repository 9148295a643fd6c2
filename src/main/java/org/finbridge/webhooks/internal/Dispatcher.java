package org.finbridge.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.finbridge.webhooks.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, on every application node: claims them (see {@link DeliveryRows}), sends the
 * claimed ones concurrently on virtual threads with no transaction open, then records each result.
 * Time (what is due, the timestamp that is signed) comes from the injected clock.
 */
@Component
class Dispatcher {

    static final String EVENT_ID_HEADER = "Finbridge-Event-Id";
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliveryRows deliveries;
    private final Sender sender;
    private final AttemptRecorder recorder;
    private final Clock clock;
    private final int batch;
    private final Duration lease;

    Dispatcher(DeliveryRows deliveries, Sender sender, AttemptRecorder recorder, Clock clock, WebhookProperties properties) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.recorder = recorder;
        this.clock = clock;
        this.batch = properties.dispatchBatch();
        this.lease = properties.claimLease();
    }

    @Scheduled(fixedDelayString = "${finbridge.webhooks.dispatch-interval:1s}")
    void dispatchDue() {
        try {
            while (runOnce() == batch) {
                // a full batch: there may be more due right now
            }
        } catch (DataAccessException e) {
            log.warn("webhook dispatch deferred: {}", e.getMessage());
        }
    }

    /** One pass: claims up to a batch of due deliveries, attempts each once, records the results. */
    int runOnce() {
        Instant now = clock.instant();
        List<Claim> claims = deliveries.due(now, batch).stream()
                .map(id -> deliveries.claim(id, UUID.randomUUID(), now, now.plus(lease)))
                .flatMap(Optional::stream).toList();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            claims.forEach(claim -> threads.submit(() -> attempt(claim)));
        }
        return claims.size();
    }

    private void attempt(Claim claim) {
        try {
            Instant at = clock.instant();
            byte[] body = claim.body().getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = Map.of(
                    WebhookSignature.HEADER, WebhookSignature.header(at.getEpochSecond(), body, claim.secrets()),
                    EVENT_ID_HEADER, claim.eventId());
            recorder.record(claim, at, sender.send(claim.url(), body, headers));
        } catch (RuntimeException e) {
            // the claim lapses after its lease and another pass tries again
            log.error("webhook delivery {} attempt {} not recorded", claim.deliveryId(), claim.attempt(), e);
        }
    }
}
