package org.finbridge.payments.connector.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.finbridge.money.Money;
import org.finbridge.payments.NextAction;
import org.finbridge.payments.PaymentMethod;
import org.finbridge.payments.connector.ConnectorOutcome;
import org.finbridge.payments.connector.ConnectorProfile;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.DeclineCode;
import org.finbridge.payments.connector.PaymentConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An acquirer reached over HTTP (JSON, one {@code Idempotency-Key} header per request, as Stripe's and
 * Adyen's APIs take it). Three defences, in this order:
 * <ul>
 *   <li><b>timeouts</b>: a connect timeout (the request was never sent: the acquirer is unavailable) and
 *       a read timeout (the request may have been processed: the outcome is unknown);</li>
 *   <li><b>retries of the same request with the same idempotency key</b> after a timeout, a 5xx or a
 *       refused connection, with a doubling back-off: the acquirer answers a repeated key with its first
 *       answer, so a retry can never authorize twice;</li>
 *   <li><b>a circuit breaker</b> (resilience4j) over the calls' failures: while open, calls are refused
 *       at once as {@link ConnectorOutcome.Unavailable} and routing fails over without waiting.</li>
 * </ul>
 * Business answers (approvals and declines alike) are successes for the breaker: the acquirer works.
 */
public class HttpPaymentConnector implements PaymentConnector {

    private static final Logger log = LoggerFactory.getLogger(HttpPaymentConnector.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectorProfile profile;
    private final Supplier<String> baseUrl;
    private final HttpConnectorProperties properties;
    private final HttpClient http;
    private final CircuitBreaker breaker;

    /** @param baseUrl the acquirer's API root, asked for at each call (the local port is known only once serving) */
    public HttpPaymentConnector(ConnectorProfile profile, Supplier<String> baseUrl, HttpConnectorProperties properties) {
        this.profile = profile;
        this.baseUrl = baseUrl;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
        this.breaker = CircuitBreaker.of(profile.name(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.circuitWindow())
                .minimumNumberOfCalls(properties.circuitMinimumCalls())
                .failureRateThreshold(properties.circuitFailureRatePercent())
                .waitDurationInOpenState(properties.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
    }

    @Override
    public String name() {
        return profile.name();
    }

    @Override
    public ConnectorProfile profile() {
        return profile;
    }

    /** CLOSED, OPEN, HALF_OPEN, …: for operations' dashboards and tests. */
    public String circuitState() {
        return breaker.getState().name();
    }

    /** Closes the circuit and forgets its history (operations, once an acquirer's incident is over). */
    public void resetCircuit() {
        breaker.reset();
    }

    @Override
    public ConnectorOutcome authorize(ConnectorRequest.Authorize r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paymentRef", r.paymentRef());
        body.put("amount", r.amount().minorUnits());
        body.put("currency", r.amount().currency().code());
        body.put("method", method(r.method()));
        body.put("capture", r.capture());
        body.put("region", r.region() == null ? null : r.region().name());
        return call("/authorizations", r.idempotencyKey(), body);
    }

    @Override
    public ConnectorOutcome capture(ConnectorRequest.Capture r) {
        return call("/authorizations/" + r.reference() + "/captures", r.idempotencyKey(), Map.of("amount",
                r.amount().minorUnits(), "currency", r.amount().currency().code(), "final", r.finalCapture()));
    }

    @Override
    public ConnectorOutcome voidAuthorization(ConnectorRequest.Void r) {
        return call("/authorizations/" + r.reference() + "/voids", r.idempotencyKey(), Map.of());
    }

    @Override
    public ConnectorOutcome refund(ConnectorRequest.Refund r) {
        return call("/authorizations/" + r.reference() + "/refunds", r.idempotencyKey(), Map.of("amount",
                r.amount().minorUnits(), "currency", r.amount().currency().code()));
    }

    @Override
    public ConnectorOutcome reverse(ConnectorRequest.Reverse r) {
        // a reversal is sent even through an open circuit: it follows the very failures that opened it, and
        // without it the buyer's funds stay held at this acquirer (schemes require it to be repeated until taken)
        return call("/authorizations/reversals", r.idempotencyKey(), Map.of("authorizationKey", r.authorizationKey(),
                "amount", r.amount().minorUnits(), "currency", r.amount().currency().code()), false);
    }

    private static Map<String, Object> method(PaymentMethod m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", m.type().name());
        if (m.card() != null) { // the token and what may be shown; never a card number (there is none to send)
            out.put("token", m.card().token());
            out.put("bin", m.card().bin());
            out.put("last4", m.card().last4());
            out.put("network", m.card().network().name());
        }
        if (m.chain() != null) {
            out.put("chain", m.chain());
        }
        return out;
    }

    private ConnectorOutcome call(String path, String key, Object body) {
        return call(path, key, body, true);
    }

    /** @param guarded ask the circuit breaker for permission first */
    private ConnectorOutcome call(String path, String key, Object body, boolean guarded) {
        byte[] json = JSON.writeValueAsBytes(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        boolean outcomeUnknown = false; // a request may have reached the acquirer: only its key tells
        String lastProblem = "no attempt made";
        Duration backoff = properties.retryBackoff();
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            if (attempt > 1 && !pause(backoff.multipliedBy(1L << (attempt - 2)))) {
                break;
            }
            if (guarded && !breaker.tryAcquirePermission()) {
                lastProblem = "circuit open: " + name() + " failed too often recently";
                break;
            }
            long started = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long elapsed = System.nanoTime() - started;
                int status = response.statusCode();
                if (status >= 500) {
                    breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IOException("HTTP " + status));
                    lastProblem = "HTTP " + status + " from " + name();
                    continue;
                }
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                if (status != 200) { // 4xx: our request is wrong (a reused key with another body, a bad field): a bug
                    throw new IllegalStateException(name() + " refused " + path + " with HTTP " + status + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
                return outcome(JSON.readTree(response.body()));
            } catch (HttpConnectTimeoutException e) {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                lastProblem = "no connection to " + name() + " within " + properties.connectTimeout();
            } catch (HttpTimeoutException e) {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                outcomeUnknown = true;
                lastProblem = "no answer from " + name() + " within " + properties.readTimeout();
                log.warn("{} {} (key {}), attempt {} of {}", name(), lastProblem, key, attempt, properties.maxAttempts());
            } catch (IOException e) {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                lastProblem = name() + " unreachable: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomeUnknown = true;
                lastProblem = "interrupted while waiting for " + name();
                break;
            }
        }
        return outcomeUnknown ? new ConnectorOutcome.TimedOut(lastProblem) : new ConnectorOutcome.Unavailable(lastProblem);
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ConnectorOutcome outcome(JsonNode n) {
        String status = n.path("status").asString();
        String reference = n.path("reference").isString() ? n.path("reference").asString() : null;
        return switch (status) {
            case "approved" -> new ConnectorOutcome.Approved(reference,
                    Money.ofMinor(n.path("processedAmount").asLong(), n.path("processedCurrency").asString()));
            case "action_required" -> new ConnectorOutcome.ActionRequired(reference, action(n.path("action")));
            case "declined" -> new ConnectorOutcome.Declined(DeclineCode.valueOf(n.path("reason").asString()),
                    n.path("message").asString("") + (n.path("code").isNull() || n.path("code").isMissingNode() ? ""
                            : " (" + n.path("code").asString() + ")"));
            default -> throw new IllegalStateException(name() + " answered an unknown status: " + status);
        };
    }

    private static NextAction action(JsonNode a) {
        return switch (a.path("type").asString()) {
            case "qr_code" -> new NextAction.QrCode(a.path("payload").asString());
            default -> new NextAction.Redirect(a.path("url").asString());
        };
    }
}
