package org.finbridge.risk.sanctions.internal;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.party.Onboarding;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.risk.sanctions.DecisionResult;
import org.finbridge.risk.sanctions.HitId;
import org.finbridge.risk.sanctions.HitStatus;
import org.finbridge.risk.sanctions.PartyScreeningReport;
import org.finbridge.risk.sanctions.ReviewHit;
import org.finbridge.risk.sanctions.SanctionsEvents;
import org.finbridge.risk.sanctions.SanctionsReview;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The review queue: reviewers settle possible matches; decisions are audited and remembered. */
@Service
class ReviewService implements SanctionsReview {

    private final HitStore hits;
    private final SubjectScreening screening;
    private final Parties parties;
    private final Onboarding onboarding;
    private final SanctionsAudit audit;
    private final MatchConsequences consequences;
    private final ApplicationEventPublisher events;

    ReviewService(HitStore hits, SubjectScreening screening, Parties parties, Onboarding onboarding, SanctionsAudit audit,
                  MatchConsequences consequences, ApplicationEventPublisher events) {
        this.hits = hits;
        this.screening = screening;
        this.parties = parties;
        this.onboarding = onboarding;
        this.audit = audit;
        this.consequences = consequences;
        this.events = events;
    }

    @Override
    public List<ReviewHit> hits(HitStatus status, int limit) {
        return hits.inStatus(status, limit);
    }

    @Override
    public org.finbridge.platform.QueuePage<ReviewHit> hits(HitStatus status, org.finbridge.platform.QueuePage.Request page) {
        return hits.inStatus(status, page);
    }

    @Override
    public Optional<ReviewHit> find(HitId id) {
        return hits.find(id);
    }

    @Override
    @Transactional
    public DecisionResult decide(HitId id, HitStatus decision, String note, Actor reviewer) {
        if (decision == null || !decision.isDecision()) {
            return new DecisionResult.InvalidField("decision", "TRUE_MATCH or FALSE_POSITIVE");
        }
        if (note != null && note.length() > 1000) {
            return new DecisionResult.InvalidField("note", "at most 1000 characters");
        }
        Optional<ReviewHit> hit = hits.find(id);
        if (hit.isEmpty()) {
            return new DecisionResult.NotFound(id);
        }
        if (hit.get().status().isDecision() || !hits.decide(id, decision, reviewer.name(), note)) {
            return new DecisionResult.AlreadyDecided(hits.find(id).orElseThrow());
        }
        ReviewHit decided = hits.find(id).orElseThrow();
        audit.record(reviewer, "risk.sanctions.hit.decide", SanctionsAudit.HIT, id.toString(), HitStatus.OPEN.name(),
                decision + " " + SubjectScreening.describe(decided) + (note == null || note.isBlank() ? "" : ": " + note));
        consequences.decided(decided, reviewer);
        if (decision == HitStatus.TRUE_MATCH) {
            events.publishEvent(new SanctionsEvents.MatchConfirmed(id, decided.subjectRef(), decided.listCode(),
                    decided.entryId()));
        }
        return new DecisionResult.Decided(decided);
    }

    @Override
    @Transactional
    public Optional<PartyScreeningReport> screenParty(PartyId party) {
        return parties.find(party).map(p -> screening.screen(SubjectScreening.subjects(p,
                onboarding.ofParty(party).map(a -> a.owners()).orElse(List.of()))));
    }
}
