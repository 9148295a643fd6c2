package org.finbridge.platform;

import java.time.Clock;

/**
 * A clock that may run apart from real time: the demo's, while it replays a market's past (its modules stamp
 * what they record with the replayed dates). What must agree with the world outside the application is
 * measured on real time instead, through {@link #realTimeOf}: an authenticator app's TOTP code (RFC 6238
 * counts 30-second steps of the phone's clock), how long a person's console session has been idle, how long
 * a locked account stays locked. A clock that is moved for tests is not a replaying clock: there the moved
 * time is the time of the whole test, logins included.
 */
public interface ReplayingClock {

    /** The world's time, whatever the replay. */
    Clock realTime();

    /** The real-time clock behind {@code clock}: the clock itself unless it replays a past. */
    static Clock realTimeOf(Clock clock) {
        return clock instanceof ReplayingClock replaying ? replaying.realTime() : clock;
    }
}
