package org.finbridge.credit;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.finbridge.support.MutableClock;

/**
 * The registry's nightly jobs run from 02:00 (re-scoring) and 03:00 (retention, listings ending) China time.
 * The shared test clock's hour of day depends on the tests that ran before, so a test that runs the jobs
 * first moves the clock forward to 04:00 of the same day when it is earlier.
 */
final class NightlyHour {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private NightlyHour() {
    }

    static void reach(MutableClock clock) {
        ZonedDateTime now = clock.instant().atZone(CHINA);
        ZonedDateTime four = now.toLocalDate().atTime(4, 0).atZone(CHINA);
        if (now.isBefore(four)) {
            clock.advance(Duration.between(now, four));
        }
    }
}
