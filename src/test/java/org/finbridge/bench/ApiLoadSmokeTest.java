package org.finbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.Parties;
import org.finbridge.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The API benchmark's code path in a few seconds: its load generator (open and closed model) against
 * the bare endpoint and the payments path, and an idempotent replay, so that {@code bench/api} does not
 * rot between runs. Figures here mean nothing (H2, tiny rates); only that every request succeeds.
 */
@ApplicationTest
@TestPropertySource(properties = {"finbridge.bench.bare-endpoint=true", "finbridge.http.rate-limit.enabled=false"})
class ApiLoadSmokeTest {

    @LocalServerPort
    int port;
    @Autowired
    Parties parties;
    @Autowired
    ApiKeys keys;

    @Test
    void theGeneratorDrivesTheBareEndpointAndThePaymentsPathWithoutAFailure() throws Exception {
        PaymentLoad load = new PaymentLoad(port, PaymentLoad.merchantKey(parties, keys));
        HttpLoad http = new HttpLoad();

        HttpLoad.Run bare = http.closed("bare", 4, Duration.ofMillis(500), load::bare, PaymentLoad::ok);
        HttpLoad.Run open = http.open("open", 40, Duration.ofSeconds(1), 100,
                i -> load.authorizeAndCapture("open", i), PaymentLoad::created);
        HttpLoad.Run first = http.closed("first", 1, Duration.ofSeconds(30), 5,
                i -> load.authorizeAndCapture("replay", i), PaymentLoad::created);
        HttpLoad.Run replay = http.closed("replay", 1, Duration.ofSeconds(30), 5,
                i -> load.authorizeAndCapture("replay", i), PaymentLoad::created);

        assertThat(bare.ok()).isPositive();
        assertThat(bare.failed()).isZero();
        assertThat(open.ok()).as(open.firstFailure()).isEqualTo(40);
        assertThat(open.failed()).isZero();
        assertThat(open.latencies()).hasSize(40);
        assertThat(open.percentile(99)).isGreaterThanOrEqualTo(open.percentile(50)).isPositive();
        assertThat(first.ok()).isEqualTo(5);
        assertThat(replay.ok()).isEqualTo(5);
        // the replay answers the stored response: the same body as the first call
        var a = http.exchange(load.authorizeAndCapture("replay", 0));
        var b = http.exchange(load.authorizeAndCapture("replay", 0));
        assertThat(a.body()).isEqualTo(b.body()).contains("\"SUCCEEDED\"");
    }
}
