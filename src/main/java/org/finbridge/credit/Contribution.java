package org.finbridge.credit;

import java.time.Instant;
import org.finbridge.party.PartyId;

/** A contributed record as the registry holds it, with its provenance. */
public record Contribution(String id, PartyId subject, String provider, ContributionCategory category, String sourceRecord,
                           double amount, String currency, Instant occurredAt, Instant receivedAt, boolean negative,
                           Instant eventEndsAt, Instant subjectNotifiedAt, String state) {
}
