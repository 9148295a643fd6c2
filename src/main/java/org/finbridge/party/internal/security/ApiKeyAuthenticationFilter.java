package org.finbridge.party.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiKeys;
import org.finbridge.platform.web.Problems;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates machine clients by {@code Authorization: Bearer fbk_…}. A request that presents a key
 * is judged by that key alone: a wrong, revoked or expired key answers 401 even when a console
 * session cookie rides along, so that a leaked cookie cannot rescue a bad key or the reverse.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeys apiKeys;
    private final Actors actors;
    private final ApiKeyCache cache;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, Actors actors, ApiKeyCache cache) {
        this.apiKeys = apiKeys;
        this.actors = actors;
        this.cache = cache;
    }

    static boolean presentsKey(HttpServletRequest request) {
        return request.getHeader("Authorization") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> actor = Optional.empty();
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String presented = header.substring(7).strip();
            try {
                actor = cache.actor(presented, () -> apiKeys.authenticate(presented)
                        .flatMap(key -> actors.ofKey(key).map(a -> new ApiKeyCache.AuthenticatedKey(a, key.expiresAt()))));
            } catch (RuntimeException e) {
                if (!Problems.databaseUnavailable(e)) {
                    throw e;
                }
                // the key could not be checked, which is not the key's fault: 503, retried, and not 401
                response.setHeader("Retry-After", "1");
                Problems.write(response, 503, Problems.DATABASE_UNAVAILABLE, Problems.DATABASE_UNAVAILABLE_DETAIL);
                return;
            }
        }
        if (actor.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.write(response, 401, "UNAUTHENTICATED", "the API key is unknown, revoked or expired");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
