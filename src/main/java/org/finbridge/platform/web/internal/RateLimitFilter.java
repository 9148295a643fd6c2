package org.finbridge.platform.web.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits API requests (and the public queries under /public/) per API key and, for requests without one,
 * per client address, with token buckets: a steady rate plus a burst. A refused request gets 429 with Retry-After before any
 * handler runs, so it has no side effect. Buckets live in this node's memory (a limit per node).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimitFilter extends OncePerRequestFilter {

    private static final Pattern API_KEY = Pattern.compile("Bearer (fbk_[a-z2-7]{12})_.*");
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final boolean enabled;
    private final long perKeyPerSecond;
    private final long perAddressPerSecond;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED_CLIENTS;
        }
    };

    RateLimitFilter(@Value("${finbridge.http.rate-limit.enabled:true}") boolean enabled,
                    @Value("${finbridge.http.rate-limit.per-key-per-second:500}") long perKeyPerSecond,
                    @Value("${finbridge.http.rate-limit.per-address-per-second:1000}") long perAddressPerSecond,
                    Clock clock) {
        this.enabled = enabled;
        this.perKeyPerSecond = perKeyPerSecond;
        this.perAddressPerSecond = perAddressPerSecond;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !(request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/public/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        Matcher key = authorization == null ? null : API_KEY.matcher(authorization);
        String client = key != null && key.matches() ? "key:" + key.group(1) : "address:" + request.getRemoteAddr();
        long rate = client.startsWith("key:") ? perKeyPerSecond : perAddressPerSecond;
        ConsumptionProbe probe = bucket(client, rate).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long retryAfterSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        FilterProblems.write(response, 429, "RATE_LIMITED", "too many requests; retry after " + retryAfterSeconds + " s");
    }

    private Bucket bucket(String client, long perSecond) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(client, c -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perSecond * 2).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                    .withCustomTimePrecision(time)
                    .build());
        }
    }
}
