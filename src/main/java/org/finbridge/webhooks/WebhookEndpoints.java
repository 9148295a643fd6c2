package org.finbridge.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;

/**
 * A party's webhook endpoints and their deliveries. Every call acts for an {@link Actor}: endpoints
 * belong to the actor's party, and another party's endpoint is answered as not found (only operators
 * see across parties). Every change is written to the audit log in its transaction.
 */
public interface WebhookEndpoints {

    /** The most endpoints one party may have (as Stripe): each event fans out to at most this many. */
    int MAX_PER_PARTY = 16;

    /** The type of the test event {@link #ping} sends; it cannot be subscribed to or published. */
    String PING = "webhook.ping";

    EndpointResult create(Actor actor, NewEndpoint endpoint);

    /** The endpoints of the actor's own party, oldest first. */
    List<WebhookEndpoint> list(Actor actor);

    Optional<WebhookEndpoint> find(Actor actor, WebhookEndpointId id);

    EndpointResult update(Actor actor, WebhookEndpointId id, EndpointChange change);

    /** Stops deliveries to the endpoint; its pending deliveries are CANCELLED. */
    EndpointResult disable(Actor actor, WebhookEndpointId id);

    /** Resumes deliveries of events published from now on. */
    EndpointResult enable(Actor actor, WebhookEndpointId id);

    /**
     * Issues a new signing secret. Deliveries carry a signature with each secret until {@code overlap}
     * (0 to 7 days) has passed, so the owner can deploy the new secret without refusing genuine events.
     */
    EndpointResult rotateSecret(Actor actor, WebhookEndpointId id, Duration overlap);

    /**
     * The endpoint's deliveries, newest first; empty when the endpoint is not found.
     *
     * @param status only deliveries in this status, or null for all
     * @param before only deliveries older than this one (the cursor for the next page), or null
     * @param limit 1 to 100
     */
    Optional<List<WebhookDelivery>> deliveries(Actor actor, WebhookEndpointId id, DeliveryStatus status,
                                               WebhookDeliveryId before, int limit);

    /**
     * Deliveries that failed for good (retries exhausted) on every party's endpoints, newest first: the
     * operators' queue. Anyone but an operator gets an empty list.
     */
    List<WebhookDelivery> failedDeliveries(Actor actor, int limit);

    /**
     * One page of the deliveries that failed for good (operators only; anyone else gets an empty page). Sorts:
     * {@code id} (newest first, the default), {@code lastAttempt}, {@code event}, {@code attempts}.
     */
    org.finbridge.platform.QueuePage<WebhookDelivery> failedDeliveries(Actor actor, org.finbridge.platform.QueuePage.Request page);

    Optional<WebhookDelivery> delivery(Actor actor, WebhookEndpointId id, WebhookDeliveryId deliveryId);

    /**
     * Sends the endpoint a test event of type {@value #PING} (as GitHub does), once, so its owner can
     * check that the URL answers and the signature verifies. Any endpoint may receive it, whatever it
     * subscribed to.
     */
    DeliveryResult ping(Actor actor, WebhookEndpointId id);

    /** Makes a delivery due now (Stripe's "resend"): a delivered or failed one gets one more attempt. */
    DeliveryResult redeliver(Actor actor, WebhookEndpointId id, WebhookDeliveryId deliveryId);
}
