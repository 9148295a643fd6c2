package org.finbridge.party.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.finbridge.party.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A short-lived memory of authenticated API keys, so that a client sending hundreds of requests a
 * second is not looked up (key row, then its party) on every one of them.
 *
 * <p><b>Revocation is honoured within {@code finbridge.security.api-key-cache-ttl} (default 2 s).</b>
 * Revoking a key or changing a party's status on this node empties the cache at once
 * ({@link #invalidateAll}); another node notices within the TTL. A key's own expiry (a rotated key) is
 * checked on every request against the cached expiry. Only successes are remembered: a wrong key is
 * looked up every time. Entries are keyed by the SHA-256 of the presented secret, never the secret.
 * A TTL of zero turns the cache off.
 */
@Component
public class ApiKeyCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Actor actor, Instant cachedUntil, Instant keyExpiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    ApiKeyCache(Clock clock, @Value("${finbridge.security.api-key-cache-ttl:2s}") Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The actor of the presented key: remembered for the TTL, else from {@code lookup} (and then remembered). */
    Optional<Actor> actor(String presented, Supplier<Optional<AuthenticatedKey>> lookup) {
        if (ttl.isZero() || ttl.isNegative()) {
            return lookup.get().map(AuthenticatedKey::actor);
        }
        String digest = sha256(presented);
        Instant now = clock.instant();
        Entry e = entries.get(digest);
        if (e != null && now.isBefore(e.cachedUntil()) && (e.keyExpiresAt() == null || now.isBefore(e.keyExpiresAt()))) {
            return Optional.of(e.actor());
        }
        Optional<AuthenticatedKey> found = lookup.get();
        if (found.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(digest, new Entry(found.get().actor(), now.plus(ttl), found.get().keyExpiresAt()));
        } else {
            entries.remove(digest);
        }
        return found.map(AuthenticatedKey::actor);
    }

    /** Forgets every key: called when a key is revoked or a party's status changes. */
    public void invalidateAll() {
        entries.clear();
    }

    /** A key that authenticated, as the actor it acts as. */
    record AuthenticatedKey(Actor actor, Instant keyExpiresAt) {
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
