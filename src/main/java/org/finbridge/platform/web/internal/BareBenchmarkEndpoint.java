package org.finbridge.platform.web.internal;

import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API benchmark's baseline: an HTTP+JSON round trip through the same server, filters and JSON
 * mapping as the payments API, doing no work. The benchmark compares the payments path with it in the
 * same run, so that a figure says how much the payment itself costs, not how fast the machine is.
 *
 * <p>Off unless {@code finbridge.bench.bare-endpoint=true}, which only the benchmark sets; it lies
 * outside {@code /api/}, moves nothing and reads nothing, so it needs no actor and no scope.
 */
@RestController
@ConditionalOnBooleanProperty(name = "finbridge.bench.bare-endpoint")
class BareBenchmarkEndpoint {

    static final String PATH = "/bench/bare";

    record Echo(Long amount, String currency, String orderReference) {
    }

    record Answer(String id, Long amount, String currency, String orderReference, String status) {
    }

    @PostMapping(PATH)
    Answer echo(@RequestBody Echo body) {
        return new Answer(UUID.randomUUID().toString(), body.amount(), body.currency(), body.orderReference(), "ECHOED");
    }
}
