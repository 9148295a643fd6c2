package org.finbridge.credit;

import java.time.Instant;
import org.finbridge.party.PartyId;

/** One line of a subject's access log: who received its report, when, for what, under which consent. */
public record ReportAccess(PartyId grantee, String actor, String purpose, String consentId, boolean selfQuery,
                           Instant accessedAt, String content) {
}
