package org.finbridge.platform.background;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work that a request leaves for the background, run in passes by one thread: woken as soon as a
 * transaction that left work commits, and at least every {@code idleInterval} for work left by other
 * nodes or by a crash. Wake-ups that arrive while a pass runs fold into one more pass, and a pass waits
 * {@code linger} after its wake-up, so under load one pass does the work of many requests: the request
 * path pays for a wake-up, not for the work.
 *
 * <p>A pass must be idempotent and find its own work (rows marked pending, a queue table): a wake-up
 * carries nothing, so a pass lost to a crash or a failure is simply the next one's work. A failing pass
 * is retried with a backoff that grows up to ten idle intervals.
 */
public class BackgroundPass implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPass.class);

    private final String name;
    private final Runnable pass;
    private final Duration idleInterval;
    private final Duration linger;
    private final int phase;
    private final AtomicBoolean pending = new AtomicBoolean(true);
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param name         the thread's name, also used in log lines
     * @param pass         one idempotent pass over the pending work
     * @param idleInterval the longest time between two passes
     * @param linger       how long a pass waits after its wake-up, so that it batches the work of many requests
     * @param phase        the lifecycle phase (a pass runs between start and stop of that phase)
     */
    public BackgroundPass(String name, Runnable pass, Duration idleInterval, Duration linger, int phase) {
        this.name = Objects.requireNonNull(name, "name");
        this.pass = Objects.requireNonNull(pass, "pass");
        this.idleInterval = Objects.requireNonNull(idleInterval, "idleInterval");
        this.linger = Objects.requireNonNull(linger, "linger");
        this.phase = phase;
    }

    /** Asks for a pass soon; cheap enough to call on every request. */
    public void wake() {
        if (!pending.getAndSet(true)) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Asks for a pass once the current transaction commits (at once when there is none); nothing on rollback. */
    public void wakeAfterCommit() {
        AfterCommit.run(this::wake);
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            if (!pending.get()) {
                LockSupport.parkNanos(this, backoff > 0 ? backoff : idleInterval.toNanos());
                if (!running) {
                    return;
                }
            }
            linger();
            // the wake-ups so far (the one that ended the park, those of the linger) are this pass's work: its reads
            // come after them
            pending.set(false);
            try {
                pass.run();
                backoff = 0;
            } catch (RuntimeException e) {
                // the work stays pending; a later pass does it once the cause (often the database) is gone
                log.warn("{}: pass failed, retrying: {}", name, e.toString());
                backoff = Math.min(Math.max(backoff * 2, Duration.ofMillis(100).toNanos()), idleInterval.toNanos() * 10);
            }
        }
    }

    /**
     * Waits the whole linger. A wake-up during it must not end it: under load every commit wakes the pass, and
     * a linger that any of them cut short ran a pass per wake-up (measured under {@code bench/api}: the AML pass
     * with a one-second linger ran some 17 times a second, each time reading all its pending journal entries),
     * which is the opposite of what the linger is for. Only {@link #stop} ends it early.
     */
    private void linger() {
        long deadline = System.nanoTime() + linger.toNanos();
        for (long left = linger.toNanos(); left > 0 && running; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        afterStop();
    }

    /** Runs once the thread has stopped; for a last flush. */
    protected void afterStop() {
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
