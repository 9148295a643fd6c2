package org.finbridge.credit;

import java.time.Instant;
import org.finbridge.party.PartyId;

/**
 * A listing shared with another participant, with its provenance: the case and policy it comes from, who
 * shared it, when and on what basis; and, once revoked, by whom and why.
 */
public record ListingShare(String id, String caseId, PartyId subject, ListingPolicy policy, String conduct,
                           Instant listedAt, Instant publishedUntil, PartyId recipient, String basis, String sharedBy,
                           Instant sharedAt, Instant revokedAt, String revokedBy, String revokeReason) {
}
