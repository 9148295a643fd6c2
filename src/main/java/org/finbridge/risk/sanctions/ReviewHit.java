package org.finbridge.risk.sanctions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A possible match of a screened subject (a party, or one of its beneficial owners) with a list entry.
 *
 * @param subjectRef the party screened ({@code pty_…})
 * @param subjectName the name screened: the party's legal name or an owner's name
 * @param subjectRole {@code COMPANY}, {@code OWNER}, {@code PARTY}, or {@code PAYEE} (the holder of the bank
 *                    account a payout goes to)
 */
public record ReviewHit(HitId id, String subjectRef, String subjectName, String subjectRole, String listCode,
                        String entryId, String entryName, String matchedName, BigDecimal score, List<String> reasons,
                        HitStatus status, ListVersionId listVersion, Instant raisedAt, String decidedBy,
                        Instant decidedAt, String note) {

    public ReviewHit {
        reasons = List.copyOf(reasons);
    }
}
