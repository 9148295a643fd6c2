package org.finbridge.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.finbridge.platform.ReplayingClock;

/**
 * The application's clock in demo mode: the system clock, shifted into the past while the market
 * simulator replays its 90 days and back on real time (no shift) as soon as it is done, and from the start
 * when the demo data already exists.
 *
 * <p>Why a clock and not business dates passed to each call: every module takes "now" from the injected
 * {@link Clock} (payments stamp captures, settlement and financing compute business dates, the ledger and
 * the audit log stamp records, fraud and AML count windows) and none takes a date from its caller, so
 * moving the one clock is the only way to produce a history without touching those modules. The shift
 * only ever shrinks while the simulation runs, so time seen by the application moves forward, as it does
 * in the tests' movable clock; it is installed only in demo mode ({@link DemoConfiguration}).
 *
 * <p>People log in on real time ({@link ReplayingClock}): their authenticator apps and the length of their
 * sessions follow the wall clock, so the console works while the replay runs.
 */
public final class DemoClock extends Clock implements SimulationClock, ReplayingClock {

    private final Clock system;
    private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

    public DemoClock(Clock system) {
        this.system = system;
    }

    /** Real time, whatever the replay: the platform's clock. */
    public Instant realNow() {
        return system.instant();
    }

    @Override
    public Clock realTime() {
        return system;
    }

    /** Starts a replay: from now on the clock reads {@code start} and moves on in real time from there. */
    public void rewindTo(Instant start) {
        shift.set(Duration.between(system.instant(), start));
    }

    /** Ends the replay: real time again. */
    public void catchUp() {
        shift.set(Duration.ZERO);
    }

    boolean replaying() {
        return !shift.get().isZero();
    }

    @Override
    public Instant now() {
        return instant();
    }

    @Override
    public void advanceTo(Instant instant) {
        shift.updateAndGet(s -> {
            Duration wanted = Duration.between(system.instant(), instant);
            // forward only, and never beyond real time
            Duration next = wanted.compareTo(s) > 0 ? wanted : s;
            return next.isNegative() ? next : Duration.ZERO;
        });
    }

    @Override
    public Instant instant() {
        return system.instant().plus(shift.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
