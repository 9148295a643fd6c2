package org.finbridge.credit;

import java.time.Instant;
import org.finbridge.party.PartyId;

/** A dishonesty case from its advance notice to its end, as the subject and the operators see it. */
public record ListingCase(String id, PartyId party, ListingPolicy policy, ListingPolicy.Measure measure, String state,
                          String conduct, String evidence, Instant noticedAt, Instant respondBy, String subjectResponse,
                          Instant listedAt, Instant repairEligibleAt, Instant publishedUntil, String appealGrounds,
                          String appealDecision, String appealReviewer, Instant endedAt, String endReason) {
}
