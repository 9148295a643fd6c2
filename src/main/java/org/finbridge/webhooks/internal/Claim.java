package org.finbridge.webhooks.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.finbridge.webhooks.WebhookEndpointId;

/**
 * A delivery this node has claimed for one attempt, with everything the attempt needs.
 *
 * @param token proves the claim when the result is recorded: a node whose lease ran out cannot
 *              overwrite the work of the node that took over
 * @param attempt the number of this attempt (the first is 1)
 * @param failuresSoFar attempts before this one, for the backoff
 */
record Claim(UUID deliveryId, UUID token, int attempt, WebhookEndpointId endpointId, URI url, List<String> secrets,
             String eventId, String eventType, String body, Instant giveUpAt) {

    int failuresSoFar() {
        return attempt - 1;
    }
}
