package org.finbridge.webhooks;

/** The answer to a change of an endpoint: the endpoint as it is now, or the rule the change broke. */
public sealed interface EndpointResult {

    /** Registered; {@code secret} signs its deliveries and is shown this once. */
    record Created(WebhookEndpoint endpoint, String secret) implements EndpointResult {
    }

    /** Updated, disabled or enabled (or already so). */
    record Changed(WebhookEndpoint endpoint) implements EndpointResult {
    }

    /** A new secret, shown this once; the old one also signs until {@code previousSecretExpiresAt}. */
    record SecretRotated(WebhookEndpoint endpoint, String secret) implements EndpointResult {
    }

    /** No such endpoint for this caller (another party's endpoint is not found either). */
    record NotFound(String endpointId) implements EndpointResult {
    }

    record InvalidField(String field, String reason) implements EndpointResult {
    }

    /** A subscription to a type no module declares. */
    record UnknownEventType(String eventType) implements EndpointResult {
    }

    /** The URL points where webhooks may not go: a private, loopback, link-local or metadata address. */
    record TargetNotAllowed(String reason) implements EndpointResult {
    }

    /** A party may have at most {@code limit} endpoints. */
    record TooManyEndpoints(int limit) implements EndpointResult {
    }
}
