package org.finbridge.risk.fraud;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.payments.PaymentId;

/** The operators' view of fraud decisions: the review queue, a payment's decisions, the verdicts. */
public interface FraudReviews {

    /** Decisions waiting for review, oldest first. */
    List<FraudDecision> queue(int limit);

    /** One page of the decisions waiting for review. Sorts: {@code decided} (the default), {@code score}, {@code outcome}. */
    org.finbridge.platform.QueuePage<FraudDecision> queue(org.finbridge.platform.QueuePage.Request page);

    Optional<FraudDecision> find(String decisionId);

    List<FraudDecision> ofPayment(PaymentId paymentId);

    /**
     * Records the reviewer's verdict (audited). The verdict becomes the decision's label; FRAUD also marks
     * the card, e-mail, device and IP address as confirmed fraud, so their next attempt is blocked.
     */
    ReviewResult review(String decisionId, FraudDecision.Verdict verdict, String note, Actor reviewer);

    /**
     * Settles a payment the policy let through for review (Radar's review: "refund it or let it be").
     * Approving records LEGITIMATE and the payment stands. Declining gives the money back first, through the
     * payments API as the reviewer (what is still authorized is voided, what was captured refunded), then
     * records FRAUD as {@link #review} does, with what was released in the note. A payment the payments
     * module will not release now answers {@link ReviewResult.NotReleased} with no verdict recorded, so the
     * item stays in the queue to be tried again.
     */
    ReviewResult settle(String decisionId, boolean approve, String note, Actor reviewer);
}
