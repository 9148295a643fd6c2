package org.finbridge.credit;

import java.time.Instant;
import org.finbridge.party.PartyId;

/**
 * A party on the dishonesty list (失信名单), as the public sees it.
 *
 * @param policy the named listing policy that applied, e.g. {@code LOAN_90_DAYS_OVERDUE_AFTER_FINAL_NOTICE}
 * @param severity MINOR, GENERAL or SERIOUS (publication 3 months, 3 months–1 year, 1–3 years: REGULATIONS.md §3.4)
 * @param listedAt when the listing took effect
 * @param publishedUntil when publication ends at the latest (earlier after credit repair or a successful appeal)
 */
public record DishonestyListing(String listingId, PartyId party, String name, String registrationCode, String policy,
                                String severity, String conduct, Instant listedAt, Instant publishedUntil) {
}
