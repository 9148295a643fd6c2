package org.finbridge.credit;

import java.time.Instant;
import org.finbridge.party.PartyId;

/** A subject's objection to a record (Credit Reporting Industry Regulation art. 25). */
public record Objection(String id, String contributionId, PartyId subject, String reason, Instant raisedAt, Instant dueBy,
                        State state, String answer, Instant answeredAt) {

    public enum State { OPEN, CORRECTED, KEPT, UNDETERMINED }

    /** How the verification ended: the record was wrong (corrected or removed), right (kept), or undetermined. */
    public enum Decision { CORRECT, KEEP, UNDETERMINED }
}
