package org.finbridge.audit.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.finbridge.audit.AuditSequencer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the sequencer in the background: woken as soon as an audited transaction of this node commits,
 * and at least every {@code idleInterval} for records staged by other nodes or left staged by a crash
 * (including at start-up, before the web server takes requests). Wake-ups arriving while a pass runs
 * are folded into one more pass, so the sequencer chains in batches under load.
 *
 * <p>It starts before and stops after the web server, so requests finishing during a graceful
 * shutdown still have their records chained.
 */
final class SequencerDaemon implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SequencerDaemon.class);

    private final AuditSequencer sequencer;
    private final Duration idleInterval;
    private final Duration linger;
    private final AtomicBoolean pending = new AtomicBoolean(true);
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param linger how long a pass waits after a wake-up, so that under load one pass (one transaction,
     *               one commit) chains the records of many requests
     */
    SequencerDaemon(AuditSequencer sequencer, Duration idleInterval, Duration linger) {
        this.sequencer = sequencer;
        this.idleInterval = idleInterval;
        this.linger = linger;
    }

    /** Asks for a pass soon; cheap enough to call after every audited commit. */
    void wake() {
        if (!pending.getAndSet(true)) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("audit-sequencer").daemon().start(this::run);
    }

    private void run() {
        long backoff = 0;
        while (running) {
            if (!pending.getAndSet(false)) {
                LockSupport.parkNanos(this, backoff > 0 ? backoff : idleInterval.toNanos());
                pending.set(false);
                if (!running) {
                    return;
                }
            }
            if (!linger.isZero()) {
                LockSupport.parkNanos(linger.toNanos());
            }
            try {
                sequencer.sequenceNow();
                backoff = 0;
            } catch (RuntimeException e) {
                // the staged records wait; they are chained by a later pass once the database answers
                log.warn("audit: sequencing failed, retrying: {}", e.toString());
                backoff = Math.min(Math.max(backoff * 2, Duration.ofMillis(100).toNanos()), idleInterval.toNanos() * 10);
            }
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
        try {
            sequencer.flush();
        } catch (RuntimeException e) {
            log.warn("audit: final sequencing failed; staged records are chained at the next start: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // below the web server's phases (WebServerStartStopLifecycle is DEFAULT_PHASE - 2048)
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
