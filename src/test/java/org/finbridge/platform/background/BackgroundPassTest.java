package org.finbridge.platform.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pass's batching: the wake-ups of many requests within one linger make one pass, however often they come.
 * A linger that a wake-up could cut short ran a pass per wake-up under load.
 */
class BackgroundPassTest {

    private static final Duration LINGER = Duration.ofSeconds(1);

    private final List<Long> passes = new CopyOnWriteArrayList<>();
    private final BackgroundPass background = new BackgroundPass("test-pass", () -> passes.add(System.nanoTime()),
            Duration.ofHours(1), LINGER, 0);

    @AfterEach
    void stop() {
        background.stop();
    }

    @Test
    void wakeUpsDuringTheLingerMakeOnePassThatStartsWhenTheLingerIsOver() throws InterruptedException {
        background.start(); // a first pass at start: work left by an earlier process
        awaitPasses(1);

        long firstWake = System.nanoTime();
        long wakingUntil = firstWake + TimeUnit.MILLISECONDS.toNanos(200);
        int wakeUps = 0;
        while (System.nanoTime() < wakingUntil) {
            background.wake();
            wakeUps++;
            Thread.sleep(2);
        }
        awaitPasses(2);
        Thread.sleep(LINGER.toMillis() + 500); // a third pass would have had time to start

        assertThat(wakeUps).isGreaterThan(10);
        assertThat(passes).hasSize(2);
        assertThat(passes.get(1) - firstWake).isGreaterThanOrEqualTo(LINGER.toNanos());
    }

    @Test
    void stopEndsALingerAtOnce() throws InterruptedException {
        background.start();
        awaitPasses(1);
        background.wake();
        long stopping = System.nanoTime();
        background.stop();

        assertThat(System.nanoTime() - stopping).isLessThan(LINGER.toNanos() / 2);
    }

    private void awaitPasses(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (passes.size() < n && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(passes).hasSizeGreaterThanOrEqualTo(n);
    }
}
