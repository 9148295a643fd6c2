package org.finbridge.risk.aml.internal;

import org.finbridge.risk.aml.AmlMonitoring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monitoring schedule: time-based rules (dormancy, brushing, refunds over a month), payouts, network
 * rules and the filing of LTRs for days that are over. A run is idempotent (alerts are deduplicated, a
 * report is filed once per alert under a row lock), so two nodes running it at once cost time, not duplicates.
 */
@Component
class AmlJobs {

    private static final Logger log = LoggerFactory.getLogger(AmlJobs.class);

    private final AmlMonitoring monitoring;

    AmlJobs(AmlMonitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Scheduled(fixedDelayString = "${finbridge.aml.monitoring-interval:15m}",
            initialDelayString = "${finbridge.aml.monitoring-interval:15m}")
    void monitor() {
        try {
            AmlMonitoring.Run run = monitoring.run();
            if (run.alertsRaised() > 0 || run.reportsFiled() > 0) {
                log.info("AML monitoring: {}", run);
            }
        } catch (RuntimeException e) {
            log.warn("AML monitoring run failed; the next run resumes: {}", e.toString());
        }
    }
}
