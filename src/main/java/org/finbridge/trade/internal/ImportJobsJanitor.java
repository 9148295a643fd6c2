package org.finbridge.trade.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background imports whose node stopped are told as such: a running import writes its progress every
 * {@link org.finbridge.trade.ImportJob#PROGRESS_EVERY_RECORDS} records, so one silent for
 * {@code finbridge.trade.import-stale-after} (15 minutes) has no node working on it any more. The update is
 * idempotent: every node may run it.
 */
@Component
class ImportJobsJanitor {

    private static final Logger log = LoggerFactory.getLogger(ImportJobsJanitor.class);

    private final ImportJobStore jobs;
    private final Clock clock;
    private final Duration staleAfter;

    ImportJobsJanitor(ImportJobStore jobs, Clock clock,
                      @Value("${finbridge.trade.import-stale-after:15m}") Duration staleAfter) {
        this.jobs = jobs;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    @Scheduled(fixedDelayString = "${finbridge.trade.import-janitor-interval:5m}",
            initialDelayString = "${finbridge.trade.import-janitor-interval:5m}")
    void run() {
        try {
            abandonStale();
        } catch (RuntimeException e) {
            log.warn("marking stopped imports failed; the next run retries: {}", e.toString());
        }
    }

    int abandonStale() {
        int n = jobs.abandonStale(clock.instant().minus(staleAfter), clock.instant());
        if (n > 0) {
            log.warn("{} background import(s) stopped with their node and are marked FAILED", n);
        }
        return n;
    }
}
