package org.finbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyKind;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.TestActors;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application as configured by default (no test setting widens it) refuses to register endpoints
 * that point into its own network, and writes nothing for them.
 */
@ApplicationTest
class PrivateTargetsRefusedByDefaultTest {

    @LocalServerPort
    int port;
    @Autowired
    TestActors actors;
    @Autowired
    WebhookEndpoints endpoints;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hooks",
            "https://10.0.0.8/hooks",
            "https://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "https://[::1]/hooks",
            "https://localhost/hooks",
            "https://192.168.0.10/hooks",
            "https://172.20.0.2/hooks",
            "https://100.64.1.1/hooks",
            "https://[fd12:3456::1]/hooks",
            "https://[fe80::1]/hooks",
            "http://93.184.215.14/hooks"})
    void anEndpointIntoThePlatformsOwnNetworkIsRefused(String url) {
        Actor merchant = Callers.merchant(clock);
        assertThat(endpoints.create(merchant, new NewEndpoint(url, List.of(WebhookEventTypes.ALL), null)))
                .isInstanceOf(EndpointResult.TargetNotAllowed.class);
        assertThat(endpoints.list(merchant)).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_trail where actor = :actor").param("actor", merchant.name())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void overHttpTheRefusalIsAProblemDocument() {
        Api api = actors.party(PartyKind.MERCHANT).api(port);
        Api.Response r = api.post("/api/v1/webhook-endpoints",
                Map.of("url", "https://169.254.169.254/latest/meta-data/", "eventTypes", List.of("*")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("TARGET_NOT_ALLOWED");
        assertThat(api.get("/api/v1/webhook-endpoints").body()).isEmpty();
    }
}
