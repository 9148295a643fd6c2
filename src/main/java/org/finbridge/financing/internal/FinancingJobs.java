package org.finbridge.financing.internal;

import java.time.Clock;
import java.time.ZoneId;
import org.finbridge.financing.Financing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily servicing run (accrual, sweeps, scheduled debits, days past due and classification), just
 * after settlement's run of the day so that the day's releases are swept; and an hourly sweep so that a
 * settlement's repayment does not wait for the night. Every step is idempotent per loan and date.
 */
@Component
@ConditionalOnProperty(name = "finbridge.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class FinancingJobs {

    private static final Logger log = LoggerFactory.getLogger(FinancingJobs.class);

    private final Financing financing;
    private final Clock clock;
    private final ZoneId zone;

    FinancingJobs(Financing financing, Clock clock, @Value("${finbridge.financing.zone:Asia/Shanghai}") String zone) {
        this.financing = financing;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${finbridge.financing.cron:0 0 1-23 * * *}", zone = "${finbridge.financing.zone:Asia/Shanghai}")
    void service() {
        try {
            Financing.ServicingReport r = financing.service(clock.instant().atZone(zone).toLocalDate());
            log.info("financing servicing {}: {} loans accrued, {} swept in {} sweeps, {} overdue, {} reclassified", r.businessDate(),
                    r.loansAccrued(), r.swept(), r.sweeps(), r.overdue(), r.reclassified());
        } catch (RuntimeException e) {
            log.warn("financing servicing deferred: {}", e.getMessage());
        }
    }
}
