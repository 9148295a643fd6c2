package org.finbridge.credit.internal;

import org.finbridge.credit.ContributionCategory;
import org.finbridge.party.PartyId;

/** Inside the registry: a record about a subject was accepted, so its score may be due for recomputing. */
record ContributionReceived(PartyId subject, ContributionCategory category) {
}
