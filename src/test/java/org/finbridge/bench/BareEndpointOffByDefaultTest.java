package org.finbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The benchmark's bare endpoint exists only when the benchmark turns it on. */
@ApplicationTest
class BareEndpointOffByDefaultTest {

    @LocalServerPort
    int port;

    @Test
    void theBareEndpointIsNotServedByDefault() {
        var r = new Api(port).post(PaymentLoad.BARE_PATH, "{\"amount\":1,\"currency\":\"EUR\",\"orderReference\":\"x\"}");
        assertThat(r.status()).isEqualTo(404);
    }
}
