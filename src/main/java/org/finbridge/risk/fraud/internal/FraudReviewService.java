package org.finbridge.risk.fraud.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.Actor;
import org.finbridge.payments.PaymentId;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.platform.background.AfterCommit;
import org.finbridge.risk.fraud.FraudDecision;
import org.finbridge.risk.fraud.FraudReviews;
import org.finbridge.risk.fraud.ReviewResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The review queue: a reviewer's verdict labels the decision and, for fraud, teaches the cache. */
@Service
class FraudReviewService implements FraudReviews {

    private final DecisionStore decisions;
    private final FeatureCache cache;
    private final FraudAudit audit;
    private final Clock clock;

    FraudReviewService(DecisionStore decisions, FeatureCache cache, FraudAudit audit, Clock clock) {
        this.decisions = decisions;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<FraudDecision> queue(int limit) {
        return decisions.openReviews(Math.max(1, Math.min(limit, 500)));
    }

    @Override
    public Optional<FraudDecision> find(String decisionId) {
        return id(decisionId).flatMap(decisions::find);
    }

    @Override
    public List<FraudDecision> ofPayment(PaymentId paymentId) {
        return decisions.ofPayment(paymentId);
    }

    @Override
    @Transactional
    public ReviewResult review(String decisionId, FraudDecision.Verdict verdict, String note, Actor reviewer) {
        if (verdict == null) {
            return new ReviewResult.InvalidField("verdict", "FRAUD or LEGITIMATE");
        }
        if (note != null && note.length() > 1000) {
            return new ReviewResult.InvalidField("note", "at most 1000 characters");
        }
        Optional<UUID> id = id(decisionId);
        Optional<FraudDecision> decision = id.flatMap(decisions::find);
        if (decision.isEmpty()) {
            return new ReviewResult.NotFound();
        }
        if (decision.get().review() == FraudDecision.ReviewStatus.REVIEWED
                || !decisions.review(id.get(), verdict, reviewer.name(), note, clock.instant())) {
            return new ReviewResult.AlreadyReviewed(decisions.find(id.get()).orElseThrow());
        }
        FraudDecision reviewed = decisions.find(id.get()).orElseThrow();
        audit.record(reviewer, "risk.fraud.review", FraudAudit.DECISION, decisionId, decision.get().review().name(),
                verdict + " on " + reviewed.paymentId() + " (" + reviewed.outcome() + ", score " + String.format(java.util.Locale.ROOT,
                        "%.3f", reviewed.score()) + ")" + (note == null || note.isBlank() ? "" : ": " + note));
        if (verdict == FraudDecision.Verdict.FRAUD) {
            long at = clock.millis();
            List<FeatureCache.Keys> keys = decisions.keysOf(reviewed.paymentId());
            // the cache learns only what was committed
            AfterCommit.run(() -> keys.forEach(k -> cache.outcome(k, FeatureCache.Outcome.CONFIRMED_FRAUD, at)));
        }
        return new ReviewResult.Reviewed(reviewed);
    }

    private static Optional<UUID> id(String text) {
        try {
            return Optional.of(TimeOrderedIds.parse(DecisionStore.PREFIX, text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
