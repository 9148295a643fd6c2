package org.finbridge.risk.fraud;

import java.time.Instant;
import java.util.List;
import org.finbridge.party.PartyId;
import org.finbridge.payments.PaymentId;

/**
 * A stored fraud decision on one payment attempt: what was decided and why, and what was learnt later.
 *
 * @param id {@code frd_…}
 * @param score the model's probability of fraud, 0..1
 * @param reasons {@code rule:<name>} for each rule that fired, then {@code model:…} for the model's strongest signals
 * @param review OPEN while in the review queue; the reviewer's verdict once reviewed; NONE when never queued
 * @param label what the decision turned out to be (a review's verdict, or FRAUD after a lost chargeback); null until known
 */
public record FraudDecision(String id, PaymentId paymentId, PartyId merchantId, FraudOutcome outcome, double score,
                            String modelVersion, List<String> reasons, Instant decidedAt, ReviewStatus review,
                            String reviewedBy, String reviewNote, Instant reviewedAt, Verdict label, String labelSource) {

    public enum ReviewStatus { NONE, OPEN, REVIEWED }

    /** A reviewer's verdict, and a decision's training label. */
    public enum Verdict { FRAUD, LEGITIMATE }
}
