package org.finbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The demo's clock replays the past forward only, never beyond real time, and is real time again after. */
class DemoClockTest {

    static final Instant REAL = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void replaysForwardOnlyAndCatchesUp() {
        DemoClock clock = new DemoClock(Clock.fixed(REAL, ZoneOffset.UTC));
        assertThat(clock.instant()).isEqualTo(REAL);
        clock.rewindTo(REAL.minus(Duration.ofDays(90)));
        assertThat(clock.instant()).isEqualTo(REAL.minus(Duration.ofDays(90)));
        clock.advanceTo(REAL.minus(Duration.ofDays(10)));
        assertThat(clock.instant()).isEqualTo(REAL.minus(Duration.ofDays(10)));
        clock.advanceTo(REAL.minus(Duration.ofDays(20)));
        assertThat(clock.instant()).as("never backwards").isEqualTo(REAL.minus(Duration.ofDays(10)));
        clock.advanceTo(REAL.plus(Duration.ofDays(3)));
        assertThat(clock.instant()).as("never beyond real time").isEqualTo(REAL);
        clock.rewindTo(REAL.minus(Duration.ofDays(5)));
        clock.catchUp();
        assertThat(clock.instant()).isEqualTo(REAL);
        assertThat(clock.realNow()).isEqualTo(REAL);
    }
}
