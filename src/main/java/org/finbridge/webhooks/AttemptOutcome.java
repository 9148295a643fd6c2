package org.finbridge.webhooks;

/** How one delivery attempt ended. Only {@link #DELIVERED} ends the retries with success. */
public enum AttemptOutcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The receiver answered another status (retried). */
    HTTP_ERROR,
    /** The receiver answered 410 Gone: the endpoint is disabled and the delivery failed. */
    GONE,
    /** The receiver answered a redirect, which is never followed (retried). */
    REDIRECT_REFUSED,
    /** No answer within the connect or read timeout (retried). */
    TIMEOUT,
    /** The connection failed or broke, or the host name did not resolve (retried). */
    NETWORK_ERROR,
    /** The host name resolved to an address webhooks may not reach (retried: DNS may change back). */
    TARGET_NOT_ALLOWED
}
