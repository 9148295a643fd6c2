/**
 * Webhooks: signed HTTP notifications of business events to the parties they concern (a merchant's
 * payment captured, refunded, disputed), delivered at least once.
 *
 * <p>A publishing module calls {@link org.finbridge.webhooks.Webhooks#publish} inside the transaction
 * that makes the change the event reports. The event and one delivery per subscribed endpoint are
 * written to this module's tables in that transaction (a transactional outbox): an event is never lost
 * when the change commits and never sent when it rolls back. A scheduled dispatcher on every
 * application node claims due deliveries with a conditional update (two nodes never send the same
 * attempt), POSTs them with a signature header ({@link org.finbridge.webhooks.WebhookSignature},
 * Stripe's scheme) and retries failures with exponential backoff and jitter for at least 72 hours.
 *
 * <p>Parties manage their endpoints through {@link org.finbridge.webhooks.WebhookEndpoints}. Endpoints
 * never point into the platform's own network: private, loopback, link-local, CGNAT, multicast and
 * cloud-metadata addresses are refused when the URL is registered and again, after resolving the
 * host name, before every delivery.
 *
 * <p>Merchants verify what they receive with {@link org.finbridge.webhooks.WebhookSignatureVerifier},
 * which has no dependency on the rest of the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks",
        allowedDependencies = {"party", "audit", "platform"})
package org.finbridge.webhooks;
