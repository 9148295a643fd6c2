package org.finbridge.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running application: what a merchant's integration would do. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final java.util.Map<String, String> headers;

    /** Anonymous: only public paths answer. */
    public Api(int port) {
        this("http://127.0.0.1:" + port, java.util.Map.of());
    }

    /** Authenticated with an API key ({@code Authorization: Bearer <key>}). */
    public Api(int port, String apiKey) {
        this("http://127.0.0.1:" + port, java.util.Map.of("Authorization", "Bearer " + apiKey));
    }

    private Api(String base, java.util.Map<String, String> headers) {
        this.base = base;
        this.headers = java.util.Map.copyOf(headers);
    }

    /** The same client with another header on every request (a cookie, a CSRF token, an idempotency key). */
    public Api with(String header, String value) {
        java.util.Map<String, String> h = new java.util.HashMap<>(headers);
        h.put(header, value);
        return new Api(base, h);
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asString();
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return postRaw(path, json, "application/json");
    }

    public Response put(String path, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postRaw(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? null : parse(r.body());
            return new Response(r.statusCode(), body, r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
