package org.finbridge.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * A merchant's webhook receiver: a real HTTP server on 127.0.0.1 that records what arrives and answers
 * the status the test chooses (a redirect goes to {@link #redirectTo}).
 */
public final class Receiver implements AutoCloseable {

    public record Request(String path, String signature, String eventId, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Request> answer = r -> 200;
    private volatile String redirectTo = "http://127.0.0.1:9/elsewhere";

    private Receiver(HttpServer server) {
        this.server = server;
    }

    public static Receiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            Receiver receiver = new Receiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            Request request = new Request(exchange.getRequestURI().getPath(), h.getFirst(WebhookSignature.HEADER),
                    h.getFirst("Finbridge-Event-Id"), h.getFirst("Content-Type"), body);
            requests.add(request);
            int status = answer.applyAsInt(request);
            if (status >= 300 && status < 400) {
                exchange.getResponseHeaders().add("Location", redirectTo);
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public void answer(int status) {
        answer = r -> status;
    }

    public void answer(ToIntFunction<Request> byRequest) {
        answer = byRequest;
    }

    public void redirectTo(String url) {
        redirectTo = url;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
