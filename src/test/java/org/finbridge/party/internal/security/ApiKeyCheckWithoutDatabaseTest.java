package org.finbridge.party.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.finbridge.party.ApiKey;
import org.finbridge.party.ApiKeyResult;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * An API key that cannot be checked because the database did not answer (its pool exhausted right after a restart)
 * is answered 503 with Retry-After, which a client retries, and not 401, after which it would throw a good key
 * away; nothing behind the filter runs. Any other failure is not disguised as an outage.
 */
class ApiKeyCheckWithoutDatabaseTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

    @Test
    void aKeyTheDatabaseCouldNotCheckIsAnswered503NotRefused() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter(() -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        }).doFilter(request(), response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentAsString()).contains("\"code\":\"DATABASE_UNAVAILABLE\"");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        assertThat(chain.getRequest()).as("nothing behind the filter ran").isNull();
    }

    @Test
    void anotherFailureIsNotPassedOffAsAnOutage() {
        assertThatThrownBy(() -> filter(() -> {
            throw new IllegalStateException("a defect");
        }).doFilter(request(), new MockHttpServletResponse(), new MockFilterChain()))
                .isInstanceOf(IllegalStateException.class).hasMessage("a defect");
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/payments");
        request.addHeader("Authorization", "Bearer fbk_test_secret");
        return request;
    }

    private ApiKeyAuthenticationFilter filter(Supplier<Optional<ApiKey>> authenticate) {
        ApiKeys keys = new ApiKeys() {
            @Override
            public ApiKeyResult issue(PartyId party, Set<ApiScope> scopes, String label, String actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ApiKeyResult rotate(PartyId party, String keyId, Duration overlap, String actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ApiKeyResult revoke(PartyId party, String keyId, String actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<ApiKey> authenticate(String presentedKey) {
                return authenticate.get();
            }

            @Override
            public List<ApiKey> of(PartyId party) {
                throw new UnsupportedOperationException();
            }
        };
        return new ApiKeyAuthenticationFilter(keys, new Actors(null), new ApiKeyCache(clock, Duration.ofSeconds(2)));
    }
}
