package org.finbridge.risk.sanctions.internal;

import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.risk.sanctions.HitStatus;
import org.finbridge.risk.sanctions.ReviewHit;
import org.finbridge.settlement.PayoutHolds;
import org.springframework.stereotype.Component;

/**
 * What a reviewer's decision does beyond the hit, in the decision's transaction so that it is never
 * decided without its effect (AML Law art. 41: stop serving and freeze immediately).
 *
 * <ul>
 *   <li>A confirmed match suspends the party whose file it is (payments to it are refused, its keys stop
 *       working), blocks the payouts held on the match (their money frozen) and holds every other payout
 *       of it that no bank has yet.</li>
 *   <li>A false positive releases the payouts held on it, unless their beneficiary has another open match.</li>
 * </ul>
 */
@Component
class MatchConsequences {

    private final Parties parties;
    private final PayoutHolds payouts;

    MatchConsequences(Parties parties, PayoutHolds payouts) {
        this.parties = parties;
        this.payouts = payouts;
    }

    void decided(ReviewHit hit, Actor reviewer) {
        boolean confirmed = hit.status() == HitStatus.TRUE_MATCH;
        payouts.matchDecided(reviewer, hit.id().toString(), confirmed);
        if (!confirmed) {
            return;
        }
        PartyId party = PartyId.parse(hit.subjectRef());
        parties.suspend(party, "sanctions match confirmed: " + hit.id() + " " + hit.listCode() + " " + hit.entryId(),
                reviewer.name());
        payouts.holdPending(reviewer, party, hit.id().toString());
    }
}
