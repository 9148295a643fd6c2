package org.finbridge.risk.aml.internal;

import java.time.Duration;
import org.finbridge.platform.background.BackgroundPass;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the per-customer rules off the payment's path: a payment's journal legs are written in its own
 * transaction (nothing is lost between the two), and this pass evaluates their customers within about
 * a second of the commit, each customer once per pass however many payments it received meanwhile, and a
 * busy customer at most once per spacing ({@link MonitoringService#evaluatePendingInBackground}).
 * Evaluating in the payment's transaction cost every payment a read of its merchant's whole look-back
 * window, which grows with the merchant's trade; suspicious-transaction reports are due within days
 * (REGULATIONS §4.2), not within the payment's response.
 */
@Component
class AmlEvaluations extends BackgroundPass {

    AmlEvaluations(MonitoringService monitoring,
                   @Value("${finbridge.aml.evaluation-idle-interval:10s}") Duration idleInterval,
                   @Value("${finbridge.aml.evaluation-linger:1s}") Duration linger) {
        // the idle interval matches the spacing of a busy customer's evaluations (MonitoringService), so that what a
        // pass left waiting for its spacing is evaluated soon after, even when no payment wakes the pass
        super("aml-evaluations", monitoring::evaluatePendingInBackground, idleInterval, linger, SmartLifecycle.DEFAULT_PHASE - 4096);
    }
}
