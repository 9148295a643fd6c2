package org.finbridge.webhooks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.webhooks.PublishResult;
import org.finbridge.webhooks.WebhookDeliveryId;
import org.finbridge.webhooks.WebhookEndpoint;
import org.finbridge.webhooks.WebhookEndpoints;
import org.finbridge.webhooks.Webhooks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Writes an event and one delivery per subscribed, enabled endpoint of the recipient, in the caller's
 * transaction (the outbox). Endpoints registered later do not receive it, as at Stripe. The recipient's
 * endpoints are read at most five seconds old ({@link EndpointRows#ofRecipient}): a change of another node
 * takes up to that long to be seen here.
 *
 * <p>A republished event is recognised by reading first. Two transactions publishing the same new event
 * id at the same moment are not expected (the id derives from the publisher's own change, which its
 * own keys serialise); should it happen, the second fails on the unique key and rolls back with its
 * publisher's transaction, so nothing is sent twice.
 */
@Service
class WebhookPublisher implements Webhooks {

    static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final EventRows events;
    private final EndpointRows endpoints;
    private final DeliveryRows deliveries;
    private final EventCatalog catalog;
    private final Duration retryWindow;
    private final Clock clock;

    WebhookPublisher(EventRows events, EndpointRows endpoints, DeliveryRows deliveries, EventCatalog catalog,
                     WebhookProperties properties, Clock clock) {
        this.events = events;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.retryWindow = properties.retryWindow();
        this.clock = clock;
    }

    @Override
    @Transactional
    public PublishResult publish(PartyId recipient, String eventType, String eventId, Object data) {
        if (!catalog.declares(eventType)) {
            throw new IllegalArgumentException("no module declares the webhook event type " + eventType);
        }
        if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
            throw new IllegalArgumentException("a webhook event id is 1 to 100 characters of [A-Za-z0-9_.:-]: " + eventId);
        }
        JsonNode json = Envelope.data(data);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID ref = TimeOrderedIds.next(clock);
        // insert first, read only when the id was taken: a first publication (the usual case, once per
        // payment step) costs one round trip rather than two
        if (!events.insertIfAbsent(ref, recipient, eventId, eventType, Envelope.body(eventId, eventType, now, json), now)) {
            Optional<EventRows.StoredEvent> earlier = events.find(recipient, eventId);
            boolean same = earlier.isPresent() && earlier.get().eventType().equals(eventType)
                    && Envelope.dataOf(earlier.get().body()).equals(json);
            return same ? new PublishResult.AlreadyPublished(eventId) : new PublishResult.EventIdReused(eventId);
        }
        List<WebhookEndpoint> subscribed = endpoints.ofRecipient(recipient).stream().filter(e -> e.receives(eventType)).toList();
        for (WebhookEndpoint endpoint : subscribed) {
            deliveries.insert(WebhookDeliveryId.next(clock), ref, endpoint.id(), now, now.plus(retryWindow));
        }
        return new PublishResult.Published(eventId, subscribed.size());
    }

    /** A test event for one endpoint, tried once (a failed ping is sent again by redelivering it). */
    WebhookDeliveryId ping(WebhookEndpoint endpoint) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID ref = TimeOrderedIds.next(clock);
        String eventId = TimeOrderedIds.format("ping", ref);
        String body = Envelope.body(eventId, WebhookEndpoints.PING, now,
                Envelope.data(Map.of("endpointId", endpoint.id().toString())));
        events.insert(ref, endpoint.owner(), eventId, WebhookEndpoints.PING, body, now);
        WebhookDeliveryId delivery = WebhookDeliveryId.next(clock);
        deliveries.insert(delivery, ref, endpoint.id(), now, now);
        return delivery;
    }
}
