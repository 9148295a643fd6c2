package org.finbridge.webhooks.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.webhooks.TestWebhookEvents.CAPTURED;

import java.util.List;
import java.util.Map;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.support.Api;
import org.finbridge.support.TestActors;
import org.finbridge.webhooks.WebhookTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A merchant's integration managing its webhook endpoints over HTTP with its API key. */
@WebhookTest
class WebhookEndpointApiTest {

    static final String BASE = "/api/v1/webhook-endpoints";
    static final String URL = "http://127.0.0.1:9/hooks";

    @LocalServerPort
    int port;
    @Autowired
    TestActors actors;
    @Autowired
    JdbcClient jdbc;

    TestActors.Credentials merchant;
    Api api;

    @BeforeEach
    void setUp() {
        merchant = actors.party(PartyKind.MERCHANT);
        api = merchant.api(port);
    }

    private JsonNode create() {
        Api.Response r = api.post(BASE, Map.of("url", URL, "eventTypes", List.of(CAPTURED), "description", "shop"));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body();
    }

    @Test
    void aMerchantRegistersReadsChangesPingsAndRotatesItsEndpoint() {
        JsonNode created = create();
        String id = created.get("endpoint").get("id").asString();
        String secret = created.get("secret").asString();
        assertThat(id).startsWith("whe_");
        assertThat(secret).startsWith("whsec_");
        assertThat(created.get("endpoint").get("status").asString()).isEqualTo("ENABLED");

        assertThat(api.get(BASE).body()).hasSize(1);
        Api.Response read = api.get(BASE + "/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw().body()).doesNotContain(secret);

        Api.Response changed = api.post(BASE + "/" + id, Map.of("eventTypes", List.of("*")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("eventTypes")).extracting(JsonNode::asString).containsExactly("*");
        assertThat(changed.body().get("url").asString()).isEqualTo(URL);

        Api.Response ping = api.post(BASE + "/" + id + "/ping", Map.of());
        assertThat(ping.status()).isEqualTo(202);
        assertThat(ping.body().get("eventType").asString()).isEqualTo("webhook.ping");
        assertThat(ping.body().get("status").asString()).isEqualTo("PENDING");
        String deliveryId = ping.body().get("id").asString();
        JsonNode page = api.get(BASE + "/" + id + "/deliveries?status=pending").body();
        assertThat(page.get("deliveries")).extracting(d -> d.get("id").asString()).containsExactly(deliveryId);
        assertThat(api.get(BASE + "/" + id + "/deliveries/" + deliveryId).body().get("history")).isEmpty();
        assertThat(api.post(BASE + "/" + id + "/deliveries/" + deliveryId + "/redeliver", Map.of()).status()).isEqualTo(202);

        Api.Response rotated = api.post(BASE + "/" + id + "/rotate-secret", Map.of("overlapSeconds", 3600));
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.body().get("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.body().get("endpoint").get("previousSecretExpiresAt").isNull()).isFalse();

        assertThat(api.post(BASE + "/" + id + "/disable", Map.of()).body().get("status").asString()).isEqualTo("DISABLED");
        Api.Response disabledPing = api.post(BASE + "/" + id + "/ping", Map.of());
        assertThat(disabledPing.status()).isEqualTo(409);
        assertThat(disabledPing.code()).isEqualTo("ENDPOINT_DISABLED");
        assertThat(api.post(BASE + "/" + id + "/enable", Map.of()).body().get("status").asString()).isEqualTo("ENABLED");

        assertThat(jdbc.sql("select action from audit_trail where object_id = :id order by sequence nulls last, staged_id").param("id", id)
                .query(String.class).list()).containsExactly("webhooks.endpoint.create", "webhooks.endpoint.update",
                "webhooks.endpoint.ping", "webhooks.endpoint.rotate_secret", "webhooks.endpoint.disable",
                "webhooks.endpoint.enable");
        assertThat(jdbc.sql("select actor from audit_trail where object_id in (:ids)").param("ids", List.of(id, deliveryId))
                .query(String.class).list()).hasSize(7).containsOnly("key:" + merchant.key().substring(0, 16));
    }

    @Test
    void badInputAnswersAProblemDocumentAndWritesNothing() {
        long auditBefore = auditRecords();
        expectProblem(api.post(BASE, Map.of("url", "not a url", "eventTypes", List.of(CAPTURED))), 400, "INVALID_FIELD");
        expectProblem(api.post(BASE, Map.of("url", URL, "eventTypes", List.of("payment.teleported"))), 400, "UNKNOWN_EVENT_TYPE");
        expectProblem(api.post(BASE, Map.of("url", URL, "eventTypes", List.of())), 400, "INVALID_FIELD");
        expectProblem(api.post(BASE, Map.of("url", URL)), 400, "INVALID_FIELD");
        expectProblem(api.post(BASE, Map.of("url", URL, "eventTypes", "payment.captured,payment.refunded")), 400, "MALFORMED_REQUEST");
        expectProblem(api.postRaw(BASE, "{\"url\":", "application/json"), 400, "MALFORMED_REQUEST");
        assertThat(api.get(BASE).body()).isEmpty();
        assertThat(auditRecords()).isEqualTo(auditBefore);

        String id = create().get("endpoint").get("id").asString();
        long afterCreate = auditRecords();
        expectProblem(api.post(BASE + "/" + id, Map.of("url", "ftp://example.com/x")), 400, "INVALID_FIELD");
        expectProblem(api.post(BASE + "/" + id + "/rotate-secret", Map.of("overlapSeconds", 8 * 86400)), 400, "INVALID_FIELD");
        expectProblem(api.get(BASE + "/" + id + "/deliveries?status=LOST"), 400, "INVALID_FIELD");
        expectProblem(api.get(BASE + "/" + id + "/deliveries?limit=0"), 400, "INVALID_FIELD");
        assertThat(auditRecords()).isEqualTo(afterCreate);
        assertThat(api.get(BASE + "/" + id).body().get("url").asString()).isEqualTo(URL);
    }

    @Test
    void anotherMerchantsEndpointAnswers404LikeOneThatDoesNotExist() {
        String id = create().get("endpoint").get("id").asString();
        String delivery = api.post(BASE + "/" + id + "/ping", Map.of()).body().get("id").asString();
        Api stranger = actors.party(PartyKind.MERCHANT).api(port);
        long auditBefore = auditRecords();

        for (String endpoint : List.of(id, "whe_00000000000000000000000000000000", "not-an-id")) {
            expectProblem(stranger.get(BASE + "/" + endpoint), 404, "WEBHOOK_ENDPOINT_NOT_FOUND");
            expectProblem(stranger.post(BASE + "/" + endpoint, Map.of("url", "http://127.0.0.1:9/stolen")), 404,
                    "WEBHOOK_ENDPOINT_NOT_FOUND");
            expectProblem(stranger.post(BASE + "/" + endpoint + "/disable", Map.of()), 404, "WEBHOOK_ENDPOINT_NOT_FOUND");
            expectProblem(stranger.post(BASE + "/" + endpoint + "/rotate-secret", Map.of()), 404, "WEBHOOK_ENDPOINT_NOT_FOUND");
            expectProblem(stranger.post(BASE + "/" + endpoint + "/ping", Map.of()), 404, "WEBHOOK_ENDPOINT_NOT_FOUND");
            expectProblem(stranger.get(BASE + "/" + endpoint + "/deliveries"), 404, "WEBHOOK_ENDPOINT_NOT_FOUND");
            // a well-formed id names the delivery as not found whether the endpoint is foreign or missing
            String deliveryCode = endpoint.startsWith("whe_") ? "WEBHOOK_DELIVERY_NOT_FOUND" : "WEBHOOK_ENDPOINT_NOT_FOUND";
            expectProblem(stranger.get(BASE + "/" + endpoint + "/deliveries/" + delivery), 404, deliveryCode);
            expectProblem(stranger.post(BASE + "/" + endpoint + "/deliveries/" + delivery + "/redeliver", Map.of()), 404,
                    deliveryCode);
        }
        assertThat(stranger.get(BASE).body()).isEmpty();
        assertThat(auditRecords()).isEqualTo(auditBefore);
        assertThat(api.get(BASE + "/" + id).body().get("status").asString()).isEqualTo("ENABLED");
    }

    @Test
    void aKeyWithoutTheWebhookScopeIsRefused() {
        Api readOnly = new Api(port, actors.key(merchant.partyId(), ApiScope.PARTIES_READ));
        assertThat(readOnly.get(BASE).status()).isEqualTo(403);
        assertThat(readOnly.post(BASE, Map.of("url", URL, "eventTypes", List.of(CAPTURED))).status()).isEqualTo(403);
        assertThat(new Api(port).get(BASE).status()).isEqualTo(401);
        assertThat(api.get(BASE).body()).isEmpty();
    }

    private static void expectProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private long auditRecords() {
        return jdbc.sql("select count(*) from audit_trail").query(Long.class).single();
    }
}
