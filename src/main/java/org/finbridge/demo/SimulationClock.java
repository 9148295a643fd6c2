package org.finbridge.demo;

import java.time.Instant;

/**
 * The time a simulation runs on: the application's own clock, which the simulator moves forward day by
 * day so that every module stamps what it records (payments, transfers, audit, loans) with the simulated
 * date and reads "today" from it, exactly as it will when the market runs for real.
 */
public interface SimulationClock {

    Instant now();

    /** Moves time forward to {@code instant}; never backwards (a moment already past is left as it is). */
    void advanceTo(Instant instant);
}
