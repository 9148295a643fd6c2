package org.finbridge.credit;

import java.time.Instant;
import org.finbridge.party.PartyId;

/** A seller's published credit grade: the band of its latest score and the date of that score. */
public record PublicGrade(PartyId party, String name, CreditGrade grade, Instant scoredAt) {
}
