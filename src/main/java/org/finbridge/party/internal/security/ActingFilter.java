package org.finbridge.party.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.platform.Acting;
import org.springframework.web.filter.OncePerRequestFilter;

/** Makes the authenticated actor the one that audit records of this request name. */
final class ActingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> actor = ActorAuthentication.current();
        if (actor.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            Acting.run(new Acting.As(actor.get().name(), actor.get().auditRole()), () -> chain.doFilter(request, response));
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
