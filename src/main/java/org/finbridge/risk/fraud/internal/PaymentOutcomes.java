package org.finbridge.risk.fraud.internal;

import java.time.Instant;
import java.util.List;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.platform.background.AfterCommit;
import org.finbridge.risk.fraud.FraudDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What happens to a payment after its decision feeds fraud scoring back: a decline counts against the
 * card, a refund and a chargeback count in the card's and e-mail's history (and the device's, for a
 * chargeback), and a lost chargeback labels the payment's decisions FRAUD for the next training. Runs in
 * the transaction that records the payment's step; each outcome is marked once on the stored decision,
 * so a replayed event changes nothing, and the cache learns it only after the commit.
 */
@Component
class PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

    private final DecisionStore decisions;
    private final FeatureCache cache;

    PaymentOutcomes(DecisionStore decisions, FeatureCache cache) {
        this.decisions = decisions;
        this.cache = cache;
    }

    @EventListener
    void on(PaymentEvent event) {
        switch (event.type()) {
            case "payment.failed" -> mark(event, "declined_at", FeatureCache.Outcome.DECLINED);
            case "payment.refunded" -> mark(event, "refunded_at", FeatureCache.Outcome.REFUNDED);
            case "dispute.opened" -> mark(event, "disputed_at", FeatureCache.Outcome.CHARGED_BACK);
            case "dispute.lost" -> decisions.label(event.paymentId(), FraudDecision.Verdict.FRAUD, "CHARGEBACK", event.occurredAt());
            default -> {
            }
        }
    }

    private void mark(PaymentEvent event, String column, FeatureCache.Outcome outcome) {
        Instant at = event.occurredAt();
        if (decisions.markOutcome(event.paymentId(), column, at) == 0) {
            return; // no decision for this payment (scored before fraud scoring existed), or a replayed event
        }
        List<FeatureCache.Keys> keys = decisions.keysOf(event.paymentId());
        AfterCommit.run(() -> {
            for (FeatureCache.Keys k : keys) {
                cache.outcome(k, outcome, at.toEpochMilli());
            }
            log.debug("fraud cache: {} on {}", outcome, event.paymentId());
        });
    }
}
