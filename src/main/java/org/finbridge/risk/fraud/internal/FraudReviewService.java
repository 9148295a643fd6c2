package org.finbridge.risk.fraud.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.Actor;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentResult;
import org.finbridge.payments.Payments;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.platform.background.AfterCommit;
import org.finbridge.risk.fraud.FraudDecision;
import org.finbridge.risk.fraud.FraudReviews;
import org.finbridge.risk.fraud.ReviewResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The review queue: a reviewer's verdict labels the decision and, for fraud, teaches the cache. */
@Service
class FraudReviewService implements FraudReviews {

    private final DecisionStore decisions;
    private final FeatureCache cache;
    private final FraudAudit audit;
    private final Clock clock;
    private final Payments payments;
    private final TransactionTemplate transaction;

    FraudReviewService(DecisionStore decisions, FeatureCache cache, FraudAudit audit, Clock clock, Payments payments,
                       TransactionTemplate transaction) {
        this.decisions = decisions;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
        this.payments = payments;
        this.transaction = transaction;
    }

    @Override
    public List<FraudDecision> queue(int limit) {
        return decisions.openReviews(Math.max(1, Math.min(limit, 500)));
    }

    @Override
    public org.finbridge.platform.QueuePage<FraudDecision> queue(org.finbridge.platform.QueuePage.Request page) {
        return decisions.openReviews(page);
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

    /**
     * Not one transaction: the payments module runs each money step in its own (a connector is called
     * between them). The money goes back first and the verdict follows in its own transaction, so a verdict
     * never says "declined" of a payment still holding the buyer's money.
     */
    @Override
    public ReviewResult settle(String decisionId, boolean approve, String note, Actor reviewer) {
        if (note != null && note.length() > 900) {
            // the release is appended to the note, within the 1,000 characters a review keeps
            return new ReviewResult.InvalidField("note", "at most 900 characters");
        }
        Optional<FraudDecision> decision = id(decisionId).flatMap(decisions::find);
        if (decision.isEmpty()) {
            return new ReviewResult.NotFound();
        }
        if (decision.get().review() == FraudDecision.ReviewStatus.REVIEWED) {
            return new ReviewResult.AlreadyReviewed(decision.get());
        }
        if (approve) {
            return transaction.execute(s -> review(decisionId, FraudDecision.Verdict.LEGITIMATE, note, reviewer));
        }
        PaymentId payment = decision.get().paymentId();
        Optional<Payment> held = payments.find(reviewer, payment);
        if (held.isEmpty()) {
            return new ReviewResult.NotReleased(decision.get(), "payment " + payment + " not found");
        }
        String released;
        PaymentResult r;
        switch (held.get().state()) {
            case AUTHORIZED -> {
                r = payments.voidAuthorization(reviewer, payment);
                released = "authorization voided";
            }
            case PARTIALLY_CAPTURED -> {
                // the uncaptured rest is released, then what was captured is refunded
                r = payments.voidAuthorization(reviewer, payment);
                if (moved(r)) {
                    r = payments.refund(reviewer, payment, null, "declined on fraud review");
                }
                released = "rest voided, capture refunded";
            }
            case CAPTURED, PARTIALLY_REFUNDED -> {
                r = payments.refund(reviewer, payment, null, "declined on fraud review");
                released = "refunded";
            }
            // nothing is held any more (refunded, voided, expired, failed), or the card network has it (a dispute)
            default -> {
                r = null;
                released = "nothing to release: " + held.get().state();
            }
        }
        if (r != null && !moved(r)) {
            return new ReviewResult.NotReleased(decision.get(), r.getClass().getSimpleName() + " from payments");
        }
        String recorded = (note == null || note.isBlank() ? "" : note.strip() + " ") + "[" + released + "]";
        return transaction.execute(s -> review(decisionId, FraudDecision.Verdict.FRAUD, recorded, reviewer));
    }

    /** Done, or recorded and finished by the payments recovery job with the same keys: the money moves either way. */
    private static boolean moved(PaymentResult r) {
        return r instanceof PaymentResult.Done || r instanceof PaymentResult.InProgress;
    }

    private static Optional<UUID> id(String text) {
        try {
            return Optional.of(TimeOrderedIds.parse(DecisionStore.PREFIX, text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
