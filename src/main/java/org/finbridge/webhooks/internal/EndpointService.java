package org.finbridge.webhooks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.finbridge.party.Actor;
import org.finbridge.webhooks.DeliveryStatus;
import org.finbridge.webhooks.EndpointChange;
import org.finbridge.webhooks.EndpointResult;
import org.finbridge.webhooks.EndpointStatus;
import org.finbridge.webhooks.NewEndpoint;
import org.finbridge.webhooks.DeliveryResult;
import org.finbridge.webhooks.WebhookDelivery;
import org.finbridge.webhooks.WebhookDeliveryId;
import org.finbridge.webhooks.WebhookEndpoint;
import org.finbridge.webhooks.WebhookEndpointId;
import org.finbridge.webhooks.WebhookEndpoints;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Endpoints of the actor's party. Each change checks every field before it writes anything, then
 * writes the change and its audit record in one transaction.
 */
@Service
class EndpointService implements WebhookEndpoints {

    static final Duration LONGEST_OVERLAP = Duration.ofDays(7);
    static final int MAX_PAGE = 100;

    private final EndpointRows endpoints;
    private final DeliveryRows deliveries;
    private final DeliveryViews views;
    private final EndpointRules rules;
    private final WebhookPublisher publisher;
    private final WebhookAudit audit;
    private final Clock clock;

    EndpointService(EndpointRows endpoints, DeliveryRows deliveries, DeliveryViews views, EndpointRules rules,
                    WebhookPublisher publisher, WebhookAudit audit, Clock clock) {
        this.endpoints = endpoints;
        this.publisher = publisher;
        this.deliveries = deliveries;
        this.views = views;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public EndpointResult create(Actor actor, NewEndpoint request) {
        Optional<EndpointResult> refusal = Stream.of(rules.url(request.url()), rules.eventTypes(request.eventTypes()),
                rules.description(request.description())).flatMap(Optional::stream).findFirst();
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (endpoints.countOf(actor.partyId()) >= MAX_PER_PARTY) {
            return new EndpointResult.TooManyEndpoints(MAX_PER_PARTY);
        }
        Instant now = now();
        WebhookEndpoint endpoint = new WebhookEndpoint(WebhookEndpointId.next(clock), actor.partyId(), request.url(),
                request.description(), EndpointRules.normalized(request.eventTypes()), EndpointStatus.ENABLED, null, now,
                now, null);
        String secret = SigningSecrets.generate();
        endpoints.insert(endpoint, secret);
        audit.record(actor, "webhooks.endpoint.create", WebhookAudit.OBJECT_ENDPOINT, endpoint.id().toString(), null,
                summary(endpoint));
        return new EndpointResult.Created(endpoint, secret);
    }

    @Override
    public List<WebhookEndpoint> list(Actor actor) {
        return endpoints.ofParty(actor.partyId());
    }

    @Override
    public Optional<WebhookEndpoint> find(Actor actor, WebhookEndpointId id) {
        return endpoints.find(id).filter(e -> actor.mayAccess(e.owner()));
    }

    @Override
    @Transactional
    public EndpointResult update(Actor actor, WebhookEndpointId id, EndpointChange change) {
        Optional<WebhookEndpoint> found = find(actor, id);
        if (found.isEmpty()) {
            return new EndpointResult.NotFound(id.toString());
        }
        Optional<EndpointResult> refusal = Stream.of(
                        change.url() == null ? Optional.<EndpointResult>empty() : rules.url(change.url()),
                        change.eventTypes() == null ? Optional.<EndpointResult>empty() : rules.eventTypes(change.eventTypes()),
                        rules.description(change.description()))
                .flatMap(Optional::stream).findFirst();
        if (refusal.isPresent()) {
            return refusal.get();
        }
        WebhookEndpoint before = found.get();
        WebhookEndpoint after = new WebhookEndpoint(before.id(), before.owner(),
                change.url() == null ? before.url() : change.url(),
                change.description() == null ? before.description() : change.description(),
                change.eventTypes() == null ? before.eventTypes() : EndpointRules.normalized(change.eventTypes()),
                before.status(), before.disabledReason(), before.createdAt(), now(), before.previousSecretExpiresAt());
        endpoints.update(after);
        audit.record(actor, "webhooks.endpoint.update", WebhookAudit.OBJECT_ENDPOINT, id.toString(), summary(before),
                summary(after));
        return new EndpointResult.Changed(after);
    }

    @Override
    @Transactional
    public EndpointResult disable(Actor actor, WebhookEndpointId id) {
        Optional<WebhookEndpoint> found = find(actor, id);
        if (found.isEmpty()) {
            return new EndpointResult.NotFound(id.toString());
        }
        if (endpoints.changeStatus(id, EndpointStatus.DISABLED, "disabled by " + actor.name(), now())) {
            int cancelled = deliveries.cancelPending(id, "endpoint disabled");
            audit.record(actor, "webhooks.endpoint.disable", WebhookAudit.OBJECT_ENDPOINT, id.toString(),
                    summary(found.get()), "DISABLED, " + cancelled + " pending deliveries cancelled");
        }
        return new EndpointResult.Changed(endpoints.find(id).orElseThrow());
    }

    @Override
    @Transactional
    public EndpointResult enable(Actor actor, WebhookEndpointId id) {
        Optional<WebhookEndpoint> found = find(actor, id);
        if (found.isEmpty()) {
            return new EndpointResult.NotFound(id.toString());
        }
        if (endpoints.changeStatus(id, EndpointStatus.ENABLED, null, now())) {
            audit.record(actor, "webhooks.endpoint.enable", WebhookAudit.OBJECT_ENDPOINT, id.toString(),
                    summary(found.get()), "ENABLED");
        }
        return new EndpointResult.Changed(endpoints.find(id).orElseThrow());
    }

    @Override
    @Transactional
    public EndpointResult rotateSecret(Actor actor, WebhookEndpointId id, Duration overlap) {
        Optional<WebhookEndpoint> found = find(actor, id);
        if (found.isEmpty()) {
            return new EndpointResult.NotFound(id.toString());
        }
        if (overlap == null || overlap.isNegative() || overlap.compareTo(LONGEST_OVERLAP) > 0) {
            return new EndpointResult.InvalidField("overlapSeconds", "from 0 to 7 days");
        }
        Instant now = now();
        Instant previousExpiresAt = overlap.isZero() ? null : now.plus(overlap);
        String secret = SigningSecrets.generate();
        endpoints.rotate(id, secret, previousExpiresAt, now);
        audit.record(actor, "webhooks.endpoint.rotate_secret", WebhookAudit.OBJECT_ENDPOINT, id.toString(), null,
                previousExpiresAt == null ? "old secret stopped at once" : "old secret signs until " + previousExpiresAt);
        return new EndpointResult.SecretRotated(endpoints.find(id).orElseThrow(), secret);
    }

    @Override
    public Optional<List<WebhookDelivery>> deliveries(Actor actor, WebhookEndpointId id, DeliveryStatus status,
                                                      WebhookDeliveryId before, int limit) {
        int page = Math.clamp(limit, 1, MAX_PAGE);
        return find(actor, id).map(e -> views.ofEndpoint(e.id(), status, before, page));
    }

    @Override
    public List<WebhookDelivery> failedDeliveries(Actor actor, int limit) {
        // across every party's endpoints: the platform's operators only
        if (!actor.isOperator()) {
            return List.of();
        }
        return views.inStatus(DeliveryStatus.FAILED, Math.clamp(limit, 1, MAX_PAGE));
    }

    @Override
    public org.finbridge.platform.QueuePage<WebhookDelivery> failedDeliveries(Actor actor, org.finbridge.platform.QueuePage.Request page) {
        if (!actor.isOperator()) {
            return new org.finbridge.platform.QueuePage<>(List.of(), 0, page);
        }
        return views.inStatus(DeliveryStatus.FAILED, page);
    }

    @Override
    public Optional<WebhookDelivery> delivery(Actor actor, WebhookEndpointId id, WebhookDeliveryId deliveryId) {
        return find(actor, id).flatMap(e -> views.find(e.id(), deliveryId));
    }

    @Override
    @Transactional
    public DeliveryResult ping(Actor actor, WebhookEndpointId id) {
        Optional<WebhookEndpoint> endpoint = find(actor, id);
        if (endpoint.isEmpty()) {
            return new DeliveryResult.NotFound("endpoint " + id);
        }
        if (endpoint.get().status() != EndpointStatus.ENABLED) {
            return new DeliveryResult.EndpointDisabled(id);
        }
        WebhookDeliveryId delivery = publisher.ping(endpoint.get());
        audit.record(actor, "webhooks.endpoint.ping", WebhookAudit.OBJECT_ENDPOINT, id.toString(), null,
                "test event, delivery " + delivery);
        return new DeliveryResult.Scheduled(views.find(id, delivery).orElseThrow());
    }

    @Override
    @Transactional
    public DeliveryResult redeliver(Actor actor, WebhookEndpointId id, WebhookDeliveryId deliveryId) {
        Optional<WebhookEndpoint> endpoint = find(actor, id);
        Optional<WebhookDelivery> delivery = endpoint.flatMap(e -> views.find(e.id(), deliveryId));
        if (delivery.isEmpty()) {
            return new DeliveryResult.NotFound("delivery " + deliveryId + " of endpoint " + id);
        }
        if (endpoint.get().status() != EndpointStatus.ENABLED) {
            return new DeliveryResult.EndpointDisabled(id);
        }
        if (!deliveries.redeliver(deliveryId, now())) {
            return new DeliveryResult.AttemptInProgress(deliveryId);
        }
        audit.record(actor, "webhooks.delivery.redeliver", WebhookAudit.OBJECT_DELIVERY, deliveryId.toString(),
                delivery.get().status().name(), DeliveryStatus.PENDING.name());
        return new DeliveryResult.Scheduled(views.find(id, deliveryId).orElseThrow());
    }

    static String summary(WebhookEndpoint e) {
        return e.status() + " " + e.url() + " " + e.eventTypes()
                + (e.description() == null ? "" : " \"" + e.description() + "\"");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
