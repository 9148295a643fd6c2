package org.finbridge.party;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as listed to its owner: never with its secret, which is shown once when issued.
 *
 * @param prefix the public part of the key, safe to show and log ({@code fbk_…})
 * @param expiresAt set when the key was rotated: it keeps working until then, so clients can switch over
 */
public record ApiKey(String id, PartyId partyId, String prefix, Set<ApiScope> scopes, String label,
                     Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public boolean isActiveAt(Instant at) {
        return revokedAt == null && (expiresAt == null || at.isBefore(expiresAt));
    }
}
