package org.finbridge.payments.web;

import java.time.Clock;
import java.util.Map;
import org.finbridge.money.Money;
import org.finbridge.payments.connector.ConnectorEvent;
import org.finbridge.payments.connector.DeclineCode;
import org.finbridge.payments.connector.http.NotificationSignatures;
import org.finbridge.payments.internal.ConnectorNotifications;
import org.finbridge.platform.ReplayingClock;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where connectors report asynchronously (a wallet or local scheme payment completed or failed, a
 * dispute opened): {@code POST /connectors/<name>/notifications}. Outside {@code /api} because the
 * caller is an acquirer, not a client with an API key; it proves itself with the
 * {@value NotificationSignatures#HEADER} HMAC over the exact body, fresh within
 * ±300 s, and each notification id is applied once. A refused notification changes nothing.
 */
@RestController
class ConnectorNotificationController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectorNotifications notifications;
    private final Clock clock;
    private final String secret;

    ConnectorNotificationController(ConnectorNotifications notifications, Clock clock,
                                    @Value("${finbridge.connectors.http.notification-secret:finbridge-development-only-notification-key}")
                                    String secret) {
        this.notifications = notifications;
        // a signature's age is the sender's real time against ours: a network fact, also while the demo's clock
        // replays a past by days a second (measured on the business clock, every notification arrived "stale")
        this.clock = ReplayingClock.realTimeOf(clock);
        this.secret = secret;
    }

    @PostMapping("/connectors/{name}/notifications")
    ResponseEntity<?> receive(@PathVariable String name,
                                                @RequestHeader(name = NotificationSignatures.HEADER, required = false) String signature,
                                                @RequestBody byte[] body) {
        if (!notifications.knows(name)) {
            throw new NotFoundException("CONNECTOR_NOT_FOUND", "no connector " + name);
        }
        var verdict = NotificationSignatures.verify(secret, signature, body, clock.instant());
        if (verdict != NotificationSignatures.Verdict.VALID) {
            return problem(HttpStatus.UNAUTHORIZED, "SIGNATURE_" + verdict.name(), "the notification's signature is "
                    + verdict.name().toLowerCase() + "; nothing was changed");
        }
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (JacksonException e) {
            return problem(HttpStatus.BAD_REQUEST, "NOTIFICATION_MALFORMED", "the body is not JSON");
        }
        String id = n.path("id").asString("");
        String type = n.path("type").asString("");
        String reference = n.path("reference").asString("");
        if (id.isBlank() || reference.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "NOTIFICATION_MALFORMED", "id and reference are required");
        }
        ConnectorEvent event = switch (type) {
            case "payment.settled" -> new ConnectorEvent.Settled(name, reference,
                    Money.ofMinor(n.path("amount").asLong(), n.path("currency").asString()));
            case "payment.processing" -> new ConnectorEvent.Processing(name, reference, n.path("detail").asString(""));
            case "payment.failed" -> new ConnectorEvent.Failed(name, reference, DeclineCode.valueOf(n.path("reason").asString()));
            case "dispute.opened" -> new ConnectorEvent.DisputeOpened(name, reference,
                    Money.ofMinor(n.path("amount").asLong(), n.path("currency").asString()), n.path("reason").asString(""));
            default -> null;
        };
        if (event == null) {
            return problem(HttpStatus.BAD_REQUEST, "NOTIFICATION_TYPE_UNKNOWN", "unknown type " + type);
        }
        var receipt = notifications.receive(id, type, event);
        return ResponseEntity.ok(Map.of("received", true, "result", receipt.name()));
    }

    private static ResponseEntity<?> problem(HttpStatus status, String code, String detail) {
        return Problems.response(status, code, detail);
    }
}
