package org.finbridge.payments.simulators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finbridge.payments.connector.ConnectorProfile;
import org.finbridge.payments.connector.http.AcquirerContracts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The simulated acquirers this application serves in test mode: Acme Acquiring (cards), Orbit Pay (a
 * wallet PSP that also takes cards) and Andes Local Payments (Pix, UPI, iDEAL, bank transfers), each
 * charging by its contract in {@link AcquirerContracts}.
 */
@Component
@EnableConfigurationProperties(SimulatorProperties.class)
@ConditionalOnProperty(name = "finbridge.simulators.enabled", havingValue = "true", matchIfMissing = true)
public class Simulators {

    private final Map<String, AcquirerSimulator> byName = new LinkedHashMap<>();

    Simulators(SimulatorProperties properties, Clock clock, SimulatorNotifier notifier) {
        add(properties, clock, notifier, AcquirerContracts.acme(), "Acme Acquiring", new LatencyModel(80, 400));
        add(properties, clock, notifier, AcquirerContracts.orbit(), "Orbit Pay", new LatencyModel(120, 600));
        add(properties, clock, notifier, AcquirerContracts.andes(), "Andes Local Payments", new LatencyModel(150, 800));
    }

    private void add(SimulatorProperties properties, Clock clock, SimulatorNotifier notifier, ConnectorProfile contract,
                     String displayName, LatencyModel defaultLatency) {
        String name = contract.name();
        LatencyModel latency = properties.zeroLatency() ? LatencyModel.ZERO
                : Optional.ofNullable(properties.latency().get(name))
                .map(l -> new LatencyModel(millis(l.p50()), millis(l.p99()))).orElse(defaultLatency);
        AcquirerSimulator sim = new AcquirerSimulator(name, displayName, contract, latency, properties.lostAnswerDelay(), clock,
                notifier);
        for (String interval : properties.outageWindows().getOrDefault(name, List.of())) {
            String[] ends = interval.split("/", 2);
            sim.scheduleOutage(new AcquirerSimulator.Window(Instant.parse(ends[0].trim()), Instant.parse(ends[1].trim()),
                    AcquirerSimulator.Outage.UNAVAILABLE));
        }
        byName.put(name, sim);
    }

    private static long millis(Duration d) {
        return d == null ? 0 : d.toMillis();
    }

    public Optional<AcquirerSimulator> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<AcquirerSimulator> all() {
        return List.copyOf(byName.values());
    }
}
