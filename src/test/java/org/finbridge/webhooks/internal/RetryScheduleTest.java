package org.finbridge.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The backoff schedule: doubling delays up to a cap, jitter on top, and never giving up before 72 hours. */
class RetryScheduleTest {

    static final Instant START = Instant.parse("2026-11-27T00:00:00Z");
    static final Duration WINDOW = Duration.ofHours(72);

    @Test
    void delaysDoubleFromOneMinuteUpToSixHours() {
        RetrySchedule schedule = schedule(0.0);
        assertThat(schedule.nominalDelay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.nominalDelay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.nominalDelay(5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(schedule.nominalDelay(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(schedule.nominalDelay(10)).isEqualTo(Duration.ofHours(6));
        assertThat(schedule.nominalDelay(1_000)).isEqualTo(Duration.ofHours(6));
    }

    /** Jitter at its smallest (0) and largest (just under a quarter of the delay): attempts span the whole window. */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 0.999999})
    void attemptsCoverTheWholeWindowWhateverTheJitter(double jitter) {
        RetrySchedule schedule = schedule(jitter);
        Instant giveUpAt = START.plus(WINDOW);
        List<Instant> attempts = new ArrayList<>(List.of(START));
        Optional<Instant> next;
        while ((next = schedule.next(attempts.size(), attempts.getLast(), giveUpAt)).isPresent()) {
            attempts.add(next.get());
        }
        assertThat(attempts.getLast()).isEqualTo(giveUpAt);
        assertThat(Duration.between(START, attempts.getLast())).isGreaterThanOrEqualTo(WINDOW);
        for (int i = 1; i < attempts.size() - 1; i++) {
            Duration gap = Duration.between(attempts.get(i - 1), attempts.get(i));
            Duration nominal = schedule.nominalDelay(i);
            assertThat(gap).isBetween(nominal, nominal.plus(nominal.dividedBy(4)));
        }
        assertThat(attempts).hasSizeBetween(15, 25);
    }

    @Test
    void aFailureAtTheEndOfTheWindowGivesUp() {
        assertThat(schedule(0.3).next(20, START.plus(WINDOW), START.plus(WINDOW))).isEmpty();
        assertThat(schedule(0.3).next(1, START.plus(WINDOW).plusSeconds(5), START.plus(WINDOW))).isEmpty();
    }

    private static RetrySchedule schedule(double jitter) {
        RandomGenerator fixed = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return jitter;
            }
        };
        return new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(6), fixed);
    }
}
