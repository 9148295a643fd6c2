package org.finbridge.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import org.finbridge.party.ApiKeyResult;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A merchant's (or operator's) HTTP client for the payments API, with its API key and idempotency keys. */
public final class PaymentsHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String apiKey;

    public PaymentsHttp(int port, String apiKey) {
        this.base = "http://127.0.0.1:" + port;
        this.apiKey = apiKey;
    }

    public static String issueKey(ApiKeys keys, PartyId party, ApiScope... scopes) {
        var r = keys.issue(party, EnumSet.of(scopes[0], scopes), "payments test", "test");
        return ((ApiKeyResult.Issued) r).secret();
    }

    public record Response(int status, String body, HttpResponse<byte[]> raw) {
        public JsonNode json() {
            return body == null || body.isEmpty() ? null : JSON.readTree(body);
        }

        public String code() {
            JsonNode n = json();
            return n == null || n.get("code") == null ? null : n.get("code").asString();
        }

        public String field(String name) {
            JsonNode n = json();
            return n == null || n.get(name) == null || n.get(name).isNull() ? null : n.get(name).asString();
        }

        public byte[] bytes() {
            return raw.body();
        }
    }

    public Response post(String path, String idempotencyKey, Object body) {
        String json = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey).POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + apiKey).GET());
    }

    private static Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A card payment body as a merchant's server sends it. */
    public static String cardPayment(long amount, String currency, String number, String orderRef, String capture) {
        return """
                {"amount":%d,"currency":"%s","orderReference":"%s","buyer":{"country":"DE"},
                 "method":{"type":"CARD","card":{"number":"%s","expMonth":12,"expYear":2099,"cvc":"123"}},
                 "captureMethod":"%s","confirm":true}""".formatted(amount, currency, orderRef, number, capture);
    }
}
