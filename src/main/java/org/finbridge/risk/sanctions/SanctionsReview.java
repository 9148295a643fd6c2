package org.finbridge.risk.sanctions;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;

/** The review queue of possible matches. */
public interface SanctionsReview {

    /** Hits in a status, oldest first (the queue is {@link HitStatus#OPEN}). */
    List<ReviewHit> hits(HitStatus status, int limit);

    /**
     * One page of the hits in a status. Sorts: {@code raised} (the default), {@code subject}, {@code list},
     * {@code entry}, {@code score}.
     */
    org.finbridge.platform.QueuePage<ReviewHit> hits(HitStatus status, org.finbridge.platform.QueuePage.Request page);

    Optional<ReviewHit> find(HitId id);

    /** Settles an open hit as {@link HitStatus#TRUE_MATCH} or {@link HitStatus#FALSE_POSITIVE} (audited). */
    DecisionResult decide(HitId id, HitStatus decision, String note, Actor reviewer);

    /** Screens a party and its beneficial owners now, raising hits for review; empty for an unknown party. */
    Optional<PartyScreeningReport> screenParty(PartyId party);
}
