package org.finbridge.platform.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Token buckets per API key and per address: a burst, a steady rate, 429 with Retry-After, no side effect. */
class RateLimitFilterTest {

    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    RateLimitFilter filter = new RateLimitFilter(true, 5, 2, clock);
    AtomicInteger handled = new AtomicInteger();
    FilterChain chain = (req, res) -> handled.incrementAndGet();

    private MockHttpServletResponse call(String address, String authorization, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(address);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void anAddressGetsItsBurstThenWaits() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(call("10.0.0.1", null, "/api/v1/ledger/transfers").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call("10.0.0.1", null, "/api/v1/ledger/transfers");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString()).contains("RATE_LIMITED");
        assertThat(handled).hasValue(4); // the refused request never reached a handler

        assertThat(call("10.0.0.2", null, "/api/v1/ledger/transfers").getStatus()).as("another address").isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(call("10.0.0.1", null, "/api/v1/ledger/transfers").getStatus()).isEqualTo(200);
        assertThat(call("10.0.0.1", null, "/api/v1/ledger/transfers").getStatus()).isEqualTo(200);
        assertThat(call("10.0.0.1", null, "/api/v1/ledger/transfers").getStatus()).isEqualTo(429);
    }

    @Test
    void anApiKeyHasItsOwnBucketWhateverTheAddress() throws Exception {
        String key = "Bearer fbk_abcdefghijkl_" + "x".repeat(43);
        for (int i = 0; i < 10; i++) {
            assertThat(call("10.0.0." + i, key, "/api/v1/parties").getStatus()).isEqualTo(200);
        }
        assertThat(call("10.0.0.99", key, "/api/v1/parties").getStatus()).isEqualTo(429);
        assertThat(call("10.0.0.99", null, "/api/v1/parties").getStatus()).as("the address's own bucket").isEqualTo(200);
    }

    @Test
    void onlyTheApiIsLimited() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(call("10.0.0.1", null, "/actuator/health").getStatus()).isEqualTo(200);
        }
    }
}
