package org.finbridge.webhooks.web;

import static org.finbridge.webhooks.web.WebhookProblems.deliveryId;
import static org.finbridge.webhooks.web.WebhookProblems.endpointId;
import static org.finbridge.webhooks.web.WebhookProblems.invalid;
import static org.finbridge.webhooks.web.WebhookProblems.notFound;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.platform.web.Problems;
import org.finbridge.webhooks.DeliveryStatus;
import org.finbridge.webhooks.EndpointChange;
import org.finbridge.webhooks.EndpointResult;
import org.finbridge.webhooks.NewEndpoint;
import org.finbridge.webhooks.DeliveryResult;
import org.finbridge.webhooks.WebhookDelivery;
import org.finbridge.webhooks.WebhookEndpoints;
import org.finbridge.webhooks.web.WebhookViews.DeliveryPage;
import org.finbridge.webhooks.web.WebhookViews.DeliveryView;
import org.finbridge.webhooks.web.WebhookViews.EndpointView;
import org.finbridge.webhooks.web.WebhookViews.EndpointWithSecret;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A party's webhook endpoints: register (URL + event types; the answer shows the signing secret once),
 * list, read, update ({@code POST /{id}}, as Stripe), disable, enable, rotate the secret with an
 * overlap, send a test event, list deliveries with their attempts, and redeliver one. Another party's endpoint answers
 * 404 like a nonexistent one. Refusals: 400 INVALID_FIELD / UNKNOWN_EVENT_TYPE, 422 TARGET_NOT_ALLOWED /
 * TOO_MANY_ENDPOINTS, 409 ENDPOINT_DISABLED / DELIVERY_IN_PROGRESS, 404 WEBHOOK_*_NOT_FOUND.
 */
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
class WebhookEndpointController {

    private final WebhookEndpoints endpoints;

    WebhookEndpointController(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    record EndpointBody(String url, List<String> eventTypes, String description) {
    }

    record RotateBody(Long overlapSeconds) {
    }

    @PostMapping
    @Access(ApiScope.WEBHOOKS_MANAGE)
    ResponseEntity<?> create(Actor actor, @RequestBody EndpointBody body) {
        return answer(endpoints.create(actor, new NewEndpoint(body.url(), body.eventTypes(), body.description())),
                HttpStatus.CREATED);
    }

    @GetMapping
    @Access(ApiScope.WEBHOOKS_MANAGE)
    List<EndpointView> list(Actor actor) {
        return endpoints.list(actor).stream().map(EndpointView::of).toList();
    }

    @GetMapping("/{id}")
    @Access(ApiScope.WEBHOOKS_MANAGE)
    ResponseEntity<?> get(Actor actor, @PathVariable String id) {
        return endpoints.find(actor, endpointId(id)).<ResponseEntity<?>>map(e -> ResponseEntity.ok(EndpointView.of(e)))
                .orElseGet(() -> notFound(WebhookProblems.ENDPOINT_NOT_FOUND, id));
    }

    @PostMapping("/{id}")
    @Access(ApiScope.WEBHOOKS_MANAGE)
    ResponseEntity<?> update(Actor actor, @PathVariable String id, @RequestBody EndpointBody body) {
        return answer(endpoints.update(actor, endpointId(id), new EndpointChange(body.url(), body.eventTypes(),
                body.description())), HttpStatus.OK);
    }

    @PostMapping("/{id}/disable")
    @Access(ApiScope.WEBHOOKS_MANAGE)
    ResponseEntity<?> disable(Actor actor, @PathVariable String id) {
        return answer(endpoints.disable(actor, endpointId(id)), HttpStatus.OK);
    }

    @PostMapping("/{id}/enable")
    @Access(ApiScope.WEBHOOKS_MANAGE)
    ResponseEntity<?> enable(Actor actor, @PathVariable String id) {
        return answer(endpoints.enable(actor, endpointId(id)), HttpStatus.OK);
    }

    /** {@code overlapSeconds} (default one day, at most seven) is how long the old secret keeps signing too. */
    @PostMapping("/{id}/rotate-secret")
    @Access(ApiScope.WEBHOOKS_MANAGE)
    ResponseEntity<?> rotateSecret(Actor actor, @PathVariable String id, @RequestBody(required = false) RotateBody body) {
        Duration overlap = body == null || body.overlapSeconds() == null
                ? Duration.ofDays(1) : Duration.ofSeconds(body.overlapSeconds());
        return answer(endpoints.rotateSecret(actor, endpointId(id), overlap), HttpStatus.OK);
    }

    @GetMapping("/{id}/deliveries")
    @Access(ApiScope.WEBHOOKS_MANAGE)
    ResponseEntity<?> deliveries(Actor actor, @PathVariable String id, @RequestParam(required = false) String status,
                                 @RequestParam(required = false) String before,
                                 @RequestParam(defaultValue = "20") int limit) {
        Optional<DeliveryStatus> wanted = Arrays.stream(DeliveryStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status)).findFirst();
        if (status != null && wanted.isEmpty()) {
            return invalid("status", "one of " + Arrays.toString(DeliveryStatus.values()));
        }
        if (limit < 1 || limit > 100) {
            return invalid("limit", "from 1 to 100");
        }
        return endpoints.deliveries(actor, endpointId(id), wanted.orElse(null), before == null ? null : deliveryId(before), limit)
                .<ResponseEntity<?>>map(page -> ResponseEntity.ok(page(page, limit)))
                .orElseGet(() -> notFound(WebhookProblems.ENDPOINT_NOT_FOUND, id));
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    @Access(ApiScope.WEBHOOKS_MANAGE)
    ResponseEntity<?> delivery(Actor actor, @PathVariable String id, @PathVariable String deliveryId) {
        return endpoints.delivery(actor, endpointId(id), deliveryId(deliveryId))
                .<ResponseEntity<?>>map(d -> ResponseEntity.ok(DeliveryView.of(d)))
                .orElseGet(() -> notFound(WebhookProblems.DELIVERY_NOT_FOUND, deliveryId));
    }

    /** Sends a test event ({@code webhook.ping}) now; 202 with the delivery to follow. */
    @PostMapping("/{id}/ping")
    @Access(ApiScope.WEBHOOKS_MANAGE)
    ResponseEntity<?> ping(Actor actor, @PathVariable String id) {
        return scheduled(endpoints.ping(actor, endpointId(id)), WebhookProblems.ENDPOINT_NOT_FOUND, id);
    }

    /** Accepted: the dispatcher sends it within its next pass; follow it by reading the delivery. */
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @Access(ApiScope.WEBHOOKS_MANAGE)
    ResponseEntity<?> redeliver(Actor actor, @PathVariable String id, @PathVariable String deliveryId) {
        return scheduled(endpoints.redeliver(actor, endpointId(id), deliveryId(deliveryId)),
                WebhookProblems.DELIVERY_NOT_FOUND, deliveryId);
    }

    private static ResponseEntity<?> scheduled(DeliveryResult result, String notFoundCode, String requested) {
        return switch (result) {
            case DeliveryResult.Scheduled s -> ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryView.of(s.delivery()));
            case DeliveryResult.NotFound n -> notFound(notFoundCode, requested);
            case DeliveryResult.EndpointDisabled d -> Problems.response(HttpStatus.CONFLICT, "ENDPOINT_DISABLED",
                    "the endpoint is disabled; enable it before redelivering");
            case DeliveryResult.AttemptInProgress p -> Problems.response(HttpStatus.CONFLICT, "DELIVERY_IN_PROGRESS",
                    "an attempt is under way; ask again when it has ended");
        };
    }

    private static DeliveryPage page(List<WebhookDelivery> deliveries, int limit) {
        String next = deliveries.size() == limit ? deliveries.getLast().id().toString() : null;
        return new DeliveryPage(deliveries.stream().map(DeliveryView::of).toList(), next);
    }

    private static ResponseEntity<?> answer(EndpointResult result, HttpStatus success) {
        return switch (result) {
            case EndpointResult.Created c ->
                    ResponseEntity.status(success).body(new EndpointWithSecret(EndpointView.of(c.endpoint()), c.secret()));
            case EndpointResult.SecretRotated r ->
                    ResponseEntity.status(success).body(new EndpointWithSecret(EndpointView.of(r.endpoint()), r.secret()));
            case EndpointResult.Changed c -> ResponseEntity.status(success).body(EndpointView.of(c.endpoint()));
            case EndpointResult.NotFound n -> notFound(WebhookProblems.ENDPOINT_NOT_FOUND, n.endpointId());
            case EndpointResult.InvalidField f -> invalid(f.field(), f.reason());
            case EndpointResult.UnknownEventType u -> Problems.response(HttpStatus.BAD_REQUEST, "UNKNOWN_EVENT_TYPE",
                    "no such event type: " + u.eventType());
            case EndpointResult.TargetNotAllowed t -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT,
                    "TARGET_NOT_ALLOWED", "webhooks may not go there: " + t.reason());
            case EndpointResult.TooManyEndpoints t -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT,
                    "TOO_MANY_ENDPOINTS", "a party may have at most " + t.limit() + " webhook endpoints");
        };
    }
}
