package org.finbridge.payments.connector.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the platform talks to acquirers over HTTP ({@code finbridge.connectors.http.*}).
 *
 * @param enabled register the HTTP connectors (default true)
 * @param baseUrl where the acquirers' APIs are; by default this application's own test-mode simulators
 *                ({@code http://127.0.0.1:<port>/simulators/<connector>/v1})
 * @param connectTimeout how long to wait for a connection (default 1 s)
 * @param readTimeout how long to wait for an answer before the outcome counts as unknown (default 3 s)
 * @param maxAttempts tries per request, all with the same idempotency key (default 3)
 * @param retryBackoff wait before the second try, doubled for each further one (default 100 ms)
 * @param notificationSecret the HMAC key acquirers sign their notifications with
 * @param circuitFailureRatePercent failures among recent calls that open the circuit (default 50)
 * @param circuitWindow how many recent calls the failure rate is taken over (default 20)
 * @param circuitMinimumCalls calls needed before the rate counts (default 10)
 * @param circuitOpenFor how long an open circuit refuses calls before letting a few through (default 30 s)
 */
@ConfigurationProperties("finbridge.connectors.http")
public record HttpConnectorProperties(Boolean enabled, String baseUrl, Duration connectTimeout, Duration readTimeout,
                                      Integer maxAttempts, Duration retryBackoff, String notificationSecret,
                                      Integer circuitFailureRatePercent, Integer circuitWindow, Integer circuitMinimumCalls,
                                      Duration circuitOpenFor) {

    public HttpConnectorProperties {
        enabled = enabled == null || enabled;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(3) : readTimeout;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(100) : retryBackoff;
        notificationSecret = notificationSecret == null || notificationSecret.isBlank()
                ? "finbridge-development-only-notification-key" : notificationSecret;
        circuitFailureRatePercent = circuitFailureRatePercent == null ? 50 : circuitFailureRatePercent;
        circuitWindow = circuitWindow == null ? 20 : circuitWindow;
        circuitMinimumCalls = circuitMinimumCalls == null ? 10 : circuitMinimumCalls;
        circuitOpenFor = circuitOpenFor == null ? Duration.ofSeconds(30) : circuitOpenFor;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("finbridge.connectors.http.max-attempts must be at least 1");
        }
    }
}
