package org.finbridge.payments.simulators;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.finbridge.payments.connector.http.NotificationSignatures;
import org.finbridge.platform.ReplayingClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the platform back as an acquirer does: a signed JSON notification POSTed to
 * {@code /connectors/<name>/notifications}, asynchronously, retried a few times when the platform does
 * not answer 2xx (acquirers retry for days; the simulator keeps it short).
 */
@Component
class SimulatorNotifier implements AcquirerSimulator.Notifier, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatorNotifier.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulator-notifications");
        t.setDaemon(true);
        return t;
    });
    private final Environment environment;
    private final Clock clock;
    private final String secret;

    SimulatorNotifier(Environment environment, Clock clock,
                      @Value("${finbridge.connectors.http.notification-secret:finbridge-development-only-notification-key}") String secret) {
        this.environment = environment;
        // signed on real time, as the receiving end verifies it (also while the demo replays a past)
        this.clock = ReplayingClock.realTimeOf(clock);
        this.secret = secret;
    }

    @Override
    public void send(String connector, Map<String, Object> event) {
        byte[] body = JSON.writeValueAsBytes(event);
        sender.execute(() -> deliver(connector, body));
    }

    private void deliver(String connector, byte[] body) {
        String base = environment.getProperty("finbridge.simulators.notify-base-url");
        if (base == null || base.isBlank()) {
            base = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
        }
        URI target = URI.create(base + "/connectors/" + connector + "/notifications");
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                // signed at each attempt: the timestamp must be fresh when it arrives
                String signature = NotificationSignatures.sign(secret, clock.instant().getEpochSecond(), body);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header(NotificationSignatures.HEADER, signature)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    return;
                }
                log.warn("notification from {} answered {}: {}", connector, r.statusCode(), r.body());
            } catch (java.io.IOException e) {
                log.warn("notification from {} not delivered: {}", connector, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
