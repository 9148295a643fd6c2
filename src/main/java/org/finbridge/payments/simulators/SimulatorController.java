package org.finbridge.payments.simulators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finbridge.payments.connector.DeclineCode;
import org.finbridge.platform.web.NotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The simulated acquirers' own HTTP APIs, under {@code /simulators/<name>/v1} (outside {@code /api}:
 * they stand for other companies' systems and take no platform credentials). Test mode only: served
 * while {@code finbridge.simulators.enabled} is true.
 */
@RestController
@RequestMapping("/simulators/{name}/v1")
@ConditionalOnProperty(name = "finbridge.simulators.enabled", havingValue = "true", matchIfMissing = true)
class SimulatorController {

    private final Simulators simulators;

    SimulatorController(Simulators simulators) {
        this.simulators = simulators;
    }

    @PostMapping("/authorizations")
    ResponseEntity<Map<String, Object>> authorize(@PathVariable String name, @RequestHeader(name = "Idempotency-Key",
            required = false) String key, @RequestBody JsonNode body) {
        return answer(simulator(name).serve("authorize", null, key, body));
    }

    /** {@code {"authorizationKey":"…","amount":…,"currency":"…"}}: undoes the authorization sent under that key, if any. */
    @PostMapping("/authorizations/reversals")
    ResponseEntity<Map<String, Object>> reverse(@PathVariable String name, @RequestHeader(name = "Idempotency-Key",
            required = false) String key, @RequestBody JsonNode body) {
        return answer(simulator(name).serve("reverse", null, key, body));
    }

    @PostMapping("/authorizations/{reference}/captures")
    ResponseEntity<Map<String, Object>> capture(@PathVariable String name, @PathVariable String reference,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                @RequestBody JsonNode body) {
        return answer(simulator(name).serve("capture", reference, key, body));
    }

    @PostMapping("/authorizations/{reference}/voids")
    ResponseEntity<Map<String, Object>> voidAuthorization(@PathVariable String name, @PathVariable String reference,
                                                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                          @RequestBody(required = false) JsonNode body) {
        return answer(simulator(name).serve("void", reference, key, body == null ? JsonNodeFactory.instance.objectNode() : body));
    }

    @PostMapping("/authorizations/{reference}/refunds")
    ResponseEntity<Map<String, Object>> refund(@PathVariable String name, @PathVariable String reference,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               @RequestBody JsonNode body) {
        return answer(simulator(name).serve("refund", reference, key, body));
    }

    /** The buyer at the wallet's or scheme's page: {@code {"paid":true}} pays, {@code false} gives up. */
    @PostMapping("/checkout/{reference}")
    ResponseEntity<Map<String, Object>> checkout(@PathVariable String name, @PathVariable String reference,
                                                 @RequestBody(required = false) JsonNode body) {
        boolean paid = body == null || body.path("paid").asBoolean(true);
        return answer(simulator(name).checkout(reference, paid));
    }

    /** The day's settlement report, {@code date} as 2026-11-27 (UTC). */
    @GetMapping(value = "/settlements/{date}", produces = "text/csv")
    ResponseEntity<String> settlement(@PathVariable String name, @PathVariable String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date.endsWith(".csv") ? date.substring(0, date.length() - 4) : date);
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("date must be YYYY-MM-DD");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-settlement-" + day + ".csv\"")
                .body(simulator(name).settlementReport(day));
    }

    @GetMapping("/control")
    Map<String, Object> state(@PathVariable String name) {
        return simulator(name).state();
    }

    /**
     * Changes the simulator's behaviour: {@code outage} (NONE, UNAVAILABLE, TIMEOUT), {@code outageWindows}
     * ([{"from","to"}]), {@code latencyP50Ms}/{@code latencyP99Ms}, {@code lostAnswerDelayMs},
     * {@code loseNextAnswers} (n), {@code declineNext} (ISO 8583 codes such as "51", "05", or names),
     * {@code reset} (true: back to the configured behaviour).
     */
    @PostMapping("/control")
    Map<String, Object> control(@PathVariable String name, @RequestBody JsonNode body) {
        AcquirerSimulator sim = simulator(name);
        if (body.path("reset").asBoolean(false)) {
            sim.reset();
        }
        if (body.hasNonNull("outage")) {
            sim.outage(AcquirerSimulator.Outage.valueOf(body.get("outage").asString()));
        }
        for (JsonNode w : body.path("outageWindows")) {
            sim.scheduleOutage(new AcquirerSimulator.Window(Instant.parse(w.path("from").asString()),
                    Instant.parse(w.path("to").asString()), AcquirerSimulator.Outage.valueOf(w.path("mode").asString("UNAVAILABLE"))));
        }
        if (body.hasNonNull("latencyP50Ms") || body.hasNonNull("latencyP99Ms")) {
            long p50 = body.path("latencyP50Ms").asLong(0);
            sim.latency(new LatencyModel(p50, body.path("latencyP99Ms").asLong(p50)));
        }
        if (body.hasNonNull("lostAnswerDelayMs")) {
            sim.lostAnswerDelay(Duration.ofMillis(body.get("lostAnswerDelayMs").asLong()));
        }
        if (body.hasNonNull("loseNextAnswers")) {
            sim.loseNextAnswers(body.get("loseNextAnswers").asInt());
        }
        List<DeclineCode> declines = new ArrayList<>();
        for (JsonNode c : body.path("declineNext")) {
            declines.add(declineCode(c.asString()));
        }
        sim.declineNext(declines);
        return sim.state();
    }

    private static DeclineCode declineCode(String text) {
        for (DeclineCode c : DeclineCode.values()) {
            if (text.equals(c.isoCode()) || text.equals(c.name())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown decline code: " + text);
    }

    private AcquirerSimulator simulator(String name) {
        return simulators.named(name).orElseThrow(() -> new NotFoundException("SIMULATOR_NOT_FOUND", "no simulator " + name));
    }

    private static ResponseEntity<Map<String, Object>> answer(AcquirerSimulator.Answer a) {
        return ResponseEntity.status(a.status()).body(a.body());
    }
}
