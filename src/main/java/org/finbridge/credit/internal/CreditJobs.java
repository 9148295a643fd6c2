package org.finbridge.credit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The registry's nightly jobs, driven by the injected clock: a frequent tick asks whether a job is due
 * (its time of day has passed in the platform's zone and it has not run on that date) and claims the
 * date with a conditional update, so that one node runs it once per night and a node that was down at the
 * hour catches up. Jobs: re-scoring every merchant (02:00), the retention of negative information and the
 * end of dishonesty listings (03:00).
 */
@Component
public class CreditJobs {

    private static final Logger log = LoggerFactory.getLogger(CreditJobs.class);

    static final String RESCORE = "rescore";
    static final String RETENTION = "retention";

    private final JdbcClient jdbc;
    private final MerchantScoring scoring;
    private final Retention retention;
    private final CreditReportService reports;
    private final DishonestyService dishonesty;
    private final Clock clock;
    private final ZoneId zone;

    CreditJobs(JdbcClient jdbc, MerchantScoring scoring, Retention retention, CreditReportService reports,
               DishonestyService dishonesty, Clock clock,
               @Value("${finbridge.credit.zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.scoring = scoring;
        this.retention = retention;
        this.reports = reports;
        this.dishonesty = dishonesty;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(fixedDelayString = "${finbridge.credit.job-interval:5m}", initialDelayString = "${finbridge.credit.job-interval:5m}")
    public void runDue() {
        try {
            // objections are answered within 20 days whatever the hour (art. 25)
            reports.answerOverdue();
            if (claim(RESCORE, LocalTime.of(2, 0))) {
                int scored = scoring.recomputeAll();
                log.info("nightly credit re-scoring: {} parties scored", scored);
            }
            if (claim(RETENTION, LocalTime.of(3, 0))) {
                retention.run();
                dishonesty.endExpired();
            }
        } catch (RuntimeException e) {
            log.warn("credit jobs deferred: {}", e.toString());
        }
    }

    /** Claims today's run of a job when its time has come and it has not run today. */
    boolean claim(String job, LocalTime at) {
        ZonedDateTime now = clock.instant().atZone(zone);
        if (now.toLocalTime().isBefore(at)) {
            return false;
        }
        LocalDate today = now.toLocalDate();
        int claimed = jdbc.sql("update credit_jobs set last_run_on = :today, last_run_at = :now where name = :n and last_run_on < :today")
                .param("today", today).param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("n", job).update();
        if (claimed == 1) {
            return true;
        }
        boolean exists = jdbc.sql("select count(*) from credit_jobs where name = :n").param("n", job).query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        try {
            jdbc.sql("insert into credit_jobs (name, last_run_on, last_run_at) values (:n, :today, :now)")
                    .param("n", job).param("today", today).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }
}
