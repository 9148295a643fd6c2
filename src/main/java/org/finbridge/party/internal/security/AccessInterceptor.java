package org.finbridge.party.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces each API handler's {@link Access} declaration before it runs: the scope, and where given
 * the party kinds it serves. Fails closed: a handler under {@code /api/} that declares nothing is
 * refused (and the build's access test names it).
 */
final class AccessInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method) || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        Access access = method.getMethodAnnotation(Access.class);
        if (access == null) {
            log.error("{} declares no @Access; refused", method.getShortLogMessage());
            Problems.write(response, 403, "FORBIDDEN", "this endpoint declares no access rule");
            return false;
        }
        Optional<Actor> actor = ActorAuthentication.current();
        if (actor.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(response, 401, "UNAUTHENTICATED", "an API key or a console session is required");
            return false;
        }
        String refusal = refusal(access, actor.get());
        if (refusal != null) {
            Problems.write(response, 403, "FORBIDDEN", refusal);
            return false;
        }
        return true;
    }

    /** Why {@code actor} may not call an endpoint declared with {@code access}, or null when it may. */
    static String refusal(Access access, Actor actor) {
        if (!actor.has(access.value())) {
            return "this needs the scope " + access.value().code();
        }
        if (actor.isOperator()) {
            return null;
        }
        if (access.operatorOnly()) {
            return "only the platform operator may do this";
        }
        if (access.kinds().length > 0 && Arrays.stream(access.kinds()).noneMatch(k -> k == actor.partyKind())) {
            return "a " + actor.partyKind().name().toLowerCase() + " may not do this";
        }
        return null;
    }
}
