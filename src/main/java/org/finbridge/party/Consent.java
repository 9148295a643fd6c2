package org.finbridge.party;

import java.time.Instant;

/**
 * A subject's permission for a grantee to use one scope of its data for one purpose until an expiry.
 * The receipt is the SHA-256 of the consent's terms, given to both sides as proof of what was agreed.
 */
public record Consent(String id, PartyId subject, PartyId grantee, ConsentScope scope, ConsentPurpose purpose,
                      Instant grantedAt, Instant expiresAt, Instant revokedAt, String receipt) {

    public boolean isValidAt(Instant at) {
        return revokedAt == null && !at.isBefore(grantedAt) && at.isBefore(expiresAt);
    }
}
