package org.finbridge.webhooks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.finbridge.webhooks.AttemptOutcome;

/**
 * POSTs one signed body to a receiver with the JDK's HTTP client: short timeouts, no proxy (a proxy
 * would resolve the name itself, past our address check), redirects never followed (a public URL could
 * otherwise redirect inward), and the answer's body never read (only the status counts).
 *
 * <p>The target's addresses are checked right before the request. The JDK client then looks the name up
 * itself, an instant later; that lookup is answered from the JVM's address cache (30 s for a positive
 * answer by default) with the addresses just checked, unless the entry expires in between. That
 * remaining window matters only for plain http, which production refuses: over https a host reached by
 * a rebound name would have to present a trusted certificate for the receiver's name, so the request
 * never gets past the TLS handshake.
 */
final class Sender implements AutoCloseable {

    static final String USER_AGENT = "Finbridge-Webhooks/1.0";

    private final HttpClient client;
    private final TargetPolicy policy;
    private final Duration requestTimeout;

    Sender(TargetPolicy policy, Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.policy = policy;
        this.requestTimeout = requestTimeout;
    }

    AttemptResult send(URI url, byte[] body, Map<String, String> headers) {
        long started = System.nanoTime();
        switch (policy.checkDelivery(url)) {
            case TargetCheck.Allowed allowed -> {
                // checked: send below
            }
            case TargetCheck.Refused refused -> {
                return new AttemptResult(AttemptOutcome.TARGET_NOT_ALLOWED, null, refused.reason(), 0);
            }
            case TargetCheck.Malformed malformed -> {
                return new AttemptResult(AttemptOutcome.TARGET_NOT_ALLOWED, null, malformed.reason(), 0);
            }
            case TargetCheck.Unresolvable u -> {
                return new AttemptResult(AttemptOutcome.NETWORK_ERROR, null, "host " + u.host() + " does not resolve", 0);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // the status is the answer; closing drops whatever body follows
            return AttemptResult.ofStatus(response.statusCode(), millisSince(started));
        } catch (HttpConnectTimeoutException e) {
            return new AttemptResult(AttemptOutcome.TIMEOUT, null, "no connection within the connect timeout", millisSince(started));
        } catch (HttpTimeoutException e) {
            return new AttemptResult(AttemptOutcome.TIMEOUT, null, "no answer within " + requestTimeout.toSeconds() + " s",
                    millisSince(started));
        } catch (IOException e) {
            return new AttemptResult(AttemptOutcome.NETWORK_ERROR, null, describe(e), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AttemptResult(AttemptOutcome.NETWORK_ERROR, null, "interrupted", millisSince(started));
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static String describe(IOException e) {
        Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
