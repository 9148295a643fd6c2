package org.finbridge.party.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.party.ConsoleUser;
import org.finbridge.platform.ReplayingClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Console sessions, server-side: a login rotates the session id (a session fixed before login is
 * worthless after it), a session idle for longer than the timeout (15 minutes by default, measured on
 * real time: the injected clock, or the real time behind the demo's replaying one) is destroyed at its next use, and logout destroys it on the server, so a copied
 * cookie is dead with it.
 */
@Component
public class ConsoleSessions {

    static final String LAST_SEEN = "finbridge.lastSeen";

    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final Clock clock;
    private final Duration idleTimeout;
    private final Actors actors;

    ConsoleSessions(Clock clock, @Value("${finbridge.console.idle-timeout:15m}") Duration idleTimeout, Actors actors) {
        // idle time is a person's real time, also while the demo replays a past (its clock jumps by days)
        this.clock = ReplayingClock.realTimeOf(clock);
        this.idleTimeout = idleTimeout;
        this.actors = actors;
    }

    /**
     * Starts a session for {@code user} under a new id, whatever session the browser had before; empty
     * (and no session) when the user's party may not act (suspended, closed).
     */
    public Optional<Actor> start(ConsoleUser user, HttpServletRequest request, HttpServletResponse response) {
        Optional<Actor> actor = actors.ofUser(user);
        if (actor.isEmpty()) {
            return actor;
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(LAST_SEEN, clock.instant());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor.get()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        return actor;
    }

    /** The actor of the current request (key or session), if authenticated. */
    public Optional<Actor> current() {
        return ActorAuthentication.current();
    }

    public void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    /** True when the session is still fresh (and marks it used now); false when it idled out and was destroyed. */
    boolean touch(HttpSession session) {
        Instant now = clock.instant();
        Object lastSeen = session.getAttribute(LAST_SEEN);
        if (!(lastSeen instanceof Instant seen) || now.isAfter(seen.plus(idleTimeout))) {
            session.invalidate();
            return false;
        }
        session.setAttribute(LAST_SEEN, now);
        return true;
    }
}
