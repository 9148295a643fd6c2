package org.finbridge.webhooks;

/**
 * Whether an endpoint receives events. It is disabled by its owner, or by the platform when the
 * receiver answers 410 Gone (the receiver saying the URL is gone for good); its owner can enable it
 * again.
 */
public enum EndpointStatus {
    ENABLED,
    DISABLED
}
