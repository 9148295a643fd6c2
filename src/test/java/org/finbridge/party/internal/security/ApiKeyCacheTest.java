package org.finbridge.party.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.Test;

class ApiKeyCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final Actor actor = new Actor("key_1", "key:fbk_test", Actor.Channel.API_KEY, new PartyId(UUID.randomUUID()),
            PartyKind.MERCHANT, null, EnumSet.of(ApiScope.PAYMENTS_READ));
    private final AtomicInteger lookups = new AtomicInteger();

    private Optional<ApiKeyCache.AuthenticatedKey> lookup(Instant keyExpiresAt) {
        lookups.incrementAndGet();
        return Optional.of(new ApiKeyCache.AuthenticatedKey(actor, keyExpiresAt));
    }

    @Test
    void aKeyIsLookedUpOncePerTtlAndAgainAfterIt() {
        ApiKeyCache cache = new ApiKeyCache(clock, Duration.ofSeconds(2));
        assertThat(cache.actor("secret", () -> lookup(null))).contains(actor);
        clock.advance(Duration.ofMillis(1_500));
        assertThat(cache.actor("secret", () -> lookup(null))).contains(actor);
        assertThat(lookups).hasValue(1);
        clock.advance(Duration.ofMillis(600));
        cache.actor("secret", () -> lookup(null));
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aRevocationOnThisNodeIsHonouredAtOnce() {
        ApiKeyCache cache = new ApiKeyCache(clock, Duration.ofSeconds(2));
        cache.actor("secret", () -> lookup(null));
        cache.invalidateAll();
        assertThat(cache.actor("secret", Optional::empty)).isEmpty();
    }

    @Test
    void aRotatedKeyStopsAtItsExpiryWhateverTheTtl() {
        ApiKeyCache cache = new ApiKeyCache(clock, Duration.ofSeconds(2));
        cache.actor("secret", () -> lookup(clock.instant().plusMillis(500)));
        clock.advance(Duration.ofMillis(600));
        assertThat(cache.actor("secret", Optional::empty)).isEmpty();
    }

    @Test
    void aWrongKeyIsNeverRememberedAndAZeroTtlRemembersNothing() {
        ApiKeyCache off = new ApiKeyCache(clock, Duration.ZERO);
        off.actor("secret", () -> lookup(null));
        off.actor("secret", () -> lookup(null));
        assertThat(lookups).hasValue(2);
        ApiKeyCache cache = new ApiKeyCache(clock, Duration.ofSeconds(2));
        assertThat(cache.actor("wrong", Optional::empty)).isEmpty();
        assertThat(cache.actor("wrong", () -> lookup(null))).contains(actor);
    }
}
