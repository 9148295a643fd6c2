package org.finbridge.payments.simulators;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The test-mode acquirer simulators ({@code finbridge.simulators.*}).
 *
 * @param enabled serve the simulators under {@code /simulators/<name>/v1} (default true: the embedded
 *                run and the tests use them; a production deployment turns them off)
 * @param zeroLatency answer at once, whatever the latency settings (benchmarks)
 * @param latency per simulator, {@code p50} and {@code p99} of its lognormal response time
 * @param lostAnswerDelay how late a lost answer (or an outage of the TIMEOUT kind) comes: longer than the
 *                        connectors' read timeout (default 5 s)
 * @param outageWindows per simulator, scheduled outages as ISO 8601 intervals {@code <from>/<to>}
 * @param notifyBaseUrl where the platform's notification endpoint is (default this application)
 */
@ConfigurationProperties("finbridge.simulators")
public record SimulatorProperties(Boolean enabled, Boolean zeroLatency, Map<String, Latency> latency,
                                  Duration lostAnswerDelay, Map<String, List<String>> outageWindows, String notifyBaseUrl) {

    public SimulatorProperties {
        enabled = enabled == null || enabled;
        zeroLatency = zeroLatency != null && zeroLatency;
        latency = latency == null ? Map.of() : Map.copyOf(latency);
        lostAnswerDelay = lostAnswerDelay == null ? Duration.ofSeconds(5) : lostAnswerDelay;
        outageWindows = outageWindows == null ? Map.of() : Map.copyOf(outageWindows);
    }

    public record Latency(Duration p50, Duration p99) {
    }
}
