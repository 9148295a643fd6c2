package org.finbridge.risk.aml;

import java.util.List;
import java.util.Optional;

/** The monitoring run and the alerts it raised. */
public interface AmlMonitoring {

    /**
     * One scheduled pass: evaluates what the event path left unevaluated, the time-based rules for every
     * customer active in the look-back window, the network rules, and files the large-value reports of
     * days that are over. Idempotent: a second pass raises nothing new.
     */
    Run run();

    /**
     * Evaluates now every customer with activity not yet evaluated: what the background does within about
     * a second of each payment's commit, off the payment's path. Answers the number of new alerts.
     */
    int evaluatePending();

    List<Alert> alerts(AlertStatus status, int limit);

    Optional<Alert> alert(AlertId id);

    /** What one pass did. */
    record Run(int customersEvaluated, int alertsRaised, int reportsFiled, int payoutsRecorded) {
    }
}
