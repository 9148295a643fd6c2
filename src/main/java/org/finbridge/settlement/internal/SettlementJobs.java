package org.finbridge.settlement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.finbridge.settlement.Settlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled settlement run: once a day, just after midnight of the business date in the platform's
 * zone, and a janitor (Kill Bill's) that resumes runs a crashed node left. Every node may run both: the
 * run's claim lets one work at a time.
 */
@Component
class SettlementJobs {

    private static final Logger log = LoggerFactory.getLogger(SettlementJobs.class);

    private final Settlement settlement;
    private final SettlementRuns runs;
    private final Clock clock;
    private final ZoneId zone;

    SettlementJobs(Settlement settlement, SettlementRuns runs, Clock clock, @Value("${finbridge.settlement.zone:Asia/Shanghai}") String zone) {
        this.settlement = settlement;
        this.runs = runs;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${finbridge.settlement.cron:0 30 0 * * *}", zone = "${finbridge.settlement.zone:Asia/Shanghai}")
    void settleToday() {
        try {
            settlement.run(clock.instant().atZone(zone).toLocalDate(), "system");
        } catch (RuntimeException e) {
            log.warn("settlement run deferred: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${finbridge.settlement.resume-interval:10m}",
            initialDelayString = "${finbridge.settlement.resume-interval:10m}")
    void resumeUnfinished() {
        try {
            runs.resumeUnfinished(clock.instant().atZone(zone).toLocalDate().plusDays(1));
        } catch (RuntimeException e) {
            log.warn("settlement resumption deferred: {}", e.getMessage());
        }
    }
}
