package org.finbridge.party.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.finbridge.platform.web.Problems;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Ends console sessions that were idle too long, before the request can use them. */
final class ConsoleIdleTimeoutFilter extends OncePerRequestFilter {

    private final ConsoleSessions sessions;

    ConsoleIdleTimeoutFilter(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && !ApiKeyAuthenticationFilter.presentsKey(request) && ActorAuthentication.current().isPresent()
                && !sessions.touch(session)) {
            SecurityContextHolder.clearContext();
            if (request.getRequestURI().startsWith("/console/app")) {
                response.sendRedirect("/console/login?expired");
                return;
            }
            Problems.write(response, 401, "SESSION_EXPIRED", "the console session was idle too long; log in again");
            return;
        }
        chain.doFilter(request, response);
    }
}
