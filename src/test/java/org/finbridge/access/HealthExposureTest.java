package org.finbridge.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.finbridge.party.PartyKind;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The health endpoint tells anyone whether the node is up, and only the platform's operators what it is
 * made of (database product, disk path and size, ledger queue); the orchestrator's probes answer without
 * a login and follow the node's readiness.
 */
@ApplicationTest
class HealthExposureTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    ApplicationContext context;

    @Test
    void anonymousCallersAndPartiesSeeTheStatusOnly() {
        for (Api caller : List.of(new Api(port), actors.party(PartyKind.MERCHANT).api(port))) {
            for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
                Api.Response health = caller.get(path);
                assertThat(health.status()).as(path).isEqualTo(200);
                // the names of the probe groups may show; no component, no detail
                assertThat(names(health.body())).as(path).contains("status").isSubsetOf("status", "groups");
                assertThat(health.body().get("status").asString()).as(path).isEqualTo("UP");
                assertThat(health.raw().body()).doesNotContain("H2", "PostgreSQL", "path", "ledger", "diskSpace");
            }
            assertThat(caller.get("/actuator/health/db").status()).isEqualTo(404);
            assertThat(caller.get("/actuator/health/diskSpace").status()).isEqualTo(404);
        }
    }

    @Test
    void operatorsSeeEveryComponentAndWhatReadinessIsMadeOf() {
        Api operator = actors.operator().api(port);
        JsonNode health = operator.get("/actuator/health").body();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode components = health.get("components");
        assertThat(components.get("db").get("details").get("database").asString()).isIn("H2", "PostgreSQL");
        assertThat(components.get("diskSpace").get("details").has("path")).isTrue();
        assertThat(components.get("ledger").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("ledger").get("details").has("queuedTransfers")).isTrue();

        JsonNode readiness = operator.get("/actuator/health/readiness").body();
        assertThat(names(readiness.get("components"))).containsExactlyInAnyOrder("readinessState", "db", "ledger");
        // liveness is the process alone, whoever asks
        JsonNode liveness = operator.get("/actuator/health/liveness").body();
        assertThat(names(liveness)).containsExactly("status");
    }

    @Test
    void theReadinessProbeFailsWhileTheNodeRefusesTrafficAndLivenessStaysUp() {
        Api anonymous = new Api(port);
        try {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            Api.Response readiness = anonymous.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(names(readiness.body())).containsExactly("status");
            assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
