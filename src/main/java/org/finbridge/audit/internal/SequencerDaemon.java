package org.finbridge.audit.internal;

import java.time.Duration;
import org.finbridge.audit.AuditSequencer;
import org.finbridge.platform.background.BackgroundPass;
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
final class SequencerDaemon extends BackgroundPass {

    private static final Logger log = LoggerFactory.getLogger(SequencerDaemon.class);

    private final AuditSequencer sequencer;

    /**
     * @param linger how long a pass waits after a wake-up, so that under load one pass (one transaction,
     *               one commit) chains the records of many requests
     */
    SequencerDaemon(AuditSequencer sequencer, Duration idleInterval, Duration linger) {
        // below the web server's phases (WebServerStartStopLifecycle is DEFAULT_PHASE - 2048)
        super("audit-sequencer", sequencer::sequenceNow, idleInterval, linger, SmartLifecycle.DEFAULT_PHASE - 4096);
        this.sequencer = sequencer;
    }

    @Override
    protected void afterStop() {
        try {
            sequencer.flush();
        } catch (RuntimeException e) {
            log.warn("audit: final sequencing failed; staged records are chained at the next start: {}", e.toString());
        }
    }
}
