package org.finbridge.credit.internal;

import org.finbridge.party.PartyId;

/**
 * Inside the registry: an objection corrected or removed a record about the subject, so its score must no
 * longer rest on the wrong record (Credit Reporting Industry Regulation art. 25).
 */
record ContributionCorrected(PartyId subject) {
}
