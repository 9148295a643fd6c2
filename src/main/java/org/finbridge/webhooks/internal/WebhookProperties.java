package org.finbridge.webhooks.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code finbridge.webhooks.*}.
 *
 * @param allowPrivateTargets deliver to private, loopback and link-local addresses too. Only tests set
 *                            it, to reach a receiver on 127.0.0.1; never in production (SSRF)
 * @param allowPlainHttp accept {@code http://} URLs; only tests set it. Production requires https, which
 *                       also defeats DNS rebinding (an internal host cannot show a certificate for the
 *                       receiver's name)
 * @param connectTimeout how long to wait for the TCP and TLS connection
 * @param requestTimeout how long to wait for the receiver's answer once connected
 * @param retryWindow how long a failing delivery is retried before it is FAILED; at least 72 hours
 *                    (issue 4, as Stripe's three days), so a receiver down over a weekend loses nothing
 * @param firstRetryDelay the delay after the first failed attempt; it doubles with each failure
 * @param maxRetryDelay the longest delay between two attempts
 * @param dispatchInterval how often each node looks for due deliveries
 * @param dispatchBatch the most deliveries one node claims per look
 * @param claimLease how long a claim keeps other nodes off a delivery; longer than one attempt can take,
 *                   and after a node dies its claims lapse so another node takes over
 */
@ConfigurationProperties("finbridge.webhooks")
record WebhookProperties(boolean allowPrivateTargets, boolean allowPlainHttp, Duration connectTimeout,
                         Duration requestTimeout, Duration retryWindow, Duration firstRetryDelay,
                         Duration maxRetryDelay, Duration dispatchInterval, Integer dispatchBatch,
                         Duration claimLease) {

    static final Duration MIN_RETRY_WINDOW = Duration.ofHours(72);

    WebhookProperties {
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(3));
        requestTimeout = orDefault(requestTimeout, Duration.ofSeconds(10));
        retryWindow = orDefault(retryWindow, MIN_RETRY_WINDOW);
        firstRetryDelay = orDefault(firstRetryDelay, Duration.ofMinutes(1));
        maxRetryDelay = orDefault(maxRetryDelay, Duration.ofHours(6));
        dispatchInterval = orDefault(dispatchInterval, Duration.ofSeconds(1));
        dispatchBatch = dispatchBatch == null ? 50 : dispatchBatch;
        claimLease = orDefault(claimLease, Duration.ofMinutes(2));
        if (retryWindow.compareTo(MIN_RETRY_WINDOW) < 0) {
            throw new IllegalArgumentException("finbridge.webhooks.retry-window must be at least 72h");
        }
        if (claimLease.compareTo(connectTimeout.plus(requestTimeout).multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("finbridge.webhooks.claim-lease must be at least twice an attempt's timeouts");
        }
    }

    static WebhookProperties defaults() {
        return new WebhookProperties(false, false, null, null, null, null, null, null, null, null);
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }
}
