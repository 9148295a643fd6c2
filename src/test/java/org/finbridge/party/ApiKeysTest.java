package org.finbridge.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.finbridge.support.Api;
import org.finbridge.support.TestActors;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** API keys of a marketplace: shown once, stored hashed, scoped, rotated with overlap, revoked. */
@ApplicationTest
class ApiKeysTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String marketplace;

    @BeforeEach
    void setUp() {
        api = new Api(port, actors.operator().key());
        marketplace = api.post("/api/v1/parties", Map.of("kind", "MARKETPLACE", "country", "SG", "legalName", "Lazada Test Pte Ltd"))
                .body().get("id").asString();
    }

    private JsonNode issue(List<String> scopes) {
        Api.Response r = api.post("/api/v1/parties/" + marketplace + "/api-keys", Map.of("label", "orders feed", "scopes", scopes));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body();
    }

    @Test
    void aKeyIsShownOnceStoredHashedAndAuthenticates() {
        JsonNode issued = issue(List.of("trade:submit", "parties:read"));
        String secret = issued.get("secret").asString();
        assertThat(secret).startsWith(issued.get("key").get("prefix").asString() + "_");

        ApiKey key = apiKeys.authenticate(secret).orElseThrow();
        assertThat(key.partyId()).isEqualTo(PartyId.parse(marketplace));
        assertThat(key.scopes()).containsExactlyInAnyOrder(ApiScope.TRADE_SUBMIT, ApiScope.PARTIES_READ);
        assertThat(apiKeys.of(PartyId.parse(marketplace)).get(0).lastUsedAt()).isNotNull();

        // the listing never shows the secret, nor does the database or the audit log hold it
        JsonNode listed = api.get("/api/v1/parties/" + marketplace + "/api-keys").body();
        assertThat(listed.toString()).doesNotContain(secret.substring(21));
        String secretPart = secret.substring(secret.indexOf('_', 4) + 1);
        List<String> rows = jdbc.sql("select prefix || secret_sha256 || scopes || coalesce(label, '') from api_keys")
                .query(String.class).list();
        assertThat(rows).noneMatch(r -> r.contains(secretPart));
        List<String> audit = jdbc.sql("select coalesce(after_summary, '') from audit_trail").query(String.class).list();
        assertThat(audit).noneMatch(r -> r.contains(secretPart));
    }

    @Test
    void wrongOrMangledKeysDoNotAuthenticate() {
        String secret = issue(List.of("trade:submit")).get("secret").asString();
        char last = secret.charAt(secret.length() - 1);
        assertThat(apiKeys.authenticate(secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        assertThat(apiKeys.authenticate(secret.replace("fbk_", "fbx_"))).isEmpty();
        assertThat(apiKeys.authenticate("fbk_aaaaaaaaaaaa_" + "A".repeat(43))).isEmpty();
        assertThat(apiKeys.authenticate("")).isEmpty();
        assertThat(apiKeys.authenticate(null)).isEmpty();
        assertThat(apiKeys.authenticate(secret)).isPresent();
    }

    @Test
    void aRotatedKeyWorksThroughTheOverlapThenStops() {
        JsonNode old = issue(List.of("trade:submit"));
        String oldSecret = old.get("secret").asString();
        Api.Response rotated = api.post("/api/v1/parties/" + marketplace + "/api-keys/" + old.get("key").get("id").asString()
                + "/rotate", Map.of("overlapSeconds", 3600));
        assertThat(rotated.status()).isEqualTo(201);
        String newSecret = rotated.body().get("secret").asString();
        assertThat(rotated.body().get("key").get("scopes")).extracting(JsonNode::asString).containsExactly("trade:submit");

        assertThat(apiKeys.authenticate(oldSecret)).isPresent();
        assertThat(apiKeys.authenticate(newSecret)).isPresent();
        clock.advance(Duration.ofSeconds(3600));
        assertThat(apiKeys.authenticate(oldSecret)).isEmpty();
        assertThat(apiKeys.authenticate(newSecret)).isPresent();
        assertThat(api.post("/api/v1/parties/" + marketplace + "/api-keys/" + old.get("key").get("id").asString()
                + "/rotate", Map.of("overlapSeconds", 60)).status()).isEqualTo(404);
    }

    @Test
    void aRevokedKeyStopsAtOnceAndOnlyItsOwnerRevokesIt() {
        JsonNode issued = issue(List.of("trade:submit"));
        String keyId = issued.get("key").get("id").asString();
        String stranger = api.post("/api/v1/parties", Map.of("kind", "MARKETPLACE", "country", "SG", "legalName", "Other Pte Ltd"))
                .body().get("id").asString();
        assertThat(api.post("/api/v1/parties/" + stranger + "/api-keys/" + keyId + "/revoke", Map.of()).status()).isEqualTo(404);
        assertThat(apiKeys.authenticate(issued.get("secret").asString())).isPresent();
        assertThat(api.post("/api/v1/parties/" + marketplace + "/api-keys/" + keyId + "/revoke", Map.of()).body()
                .get("revokedAt").isNull()).isFalse();
        assertThat(apiKeys.authenticate(issued.get("secret").asString())).isEmpty();
    }

    @Test
    void aPartyCannotHoldScopesOfAnotherKindNorHandOutMoreThanItHolds() {
        Api.Response ledger = api.post("/api/v1/parties/" + marketplace + "/api-keys", Map.of("scopes", List.of("ledger:read")));
        assertThat(ledger.status()).isEqualTo(400);
        assertThat(ledger.body().get("detail").asString()).contains("marketplace may not hold ledger:read");

        // the marketplace's own key-manager key may issue a trade key only if it holds trade:submit itself
        String keyManager = actors.key(org.finbridge.party.PartyId.parse(marketplace), org.finbridge.party.ApiScope.USERS_MANAGE);
        Api self = new Api(port, keyManager);
        Api.Response escalation = self.post("/api/v1/parties/" + marketplace + "/api-keys", Map.of("scopes", List.of("trade:submit")));
        assertThat(escalation.status()).isEqualTo(400);
        assertThat(escalation.body().get("detail").asString()).contains("do not hold");
        assertThat(self.post("/api/v1/parties/" + marketplace + "/api-keys", Map.of("scopes", List.of("users:manage")))
                .status()).isEqualTo(201);
    }

    @Test
    void keysWithoutScopesOrWithUnknownScopesAreRefused() {
        Api.Response unknown = api.post("/api/v1/parties/" + marketplace + "/api-keys", Map.of("scopes", List.of("root")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("INVALID_FIELD");
        assertThat(api.post("/api/v1/parties/" + marketplace + "/api-keys", Map.of("scopes", List.of())).code())
                .isEqualTo("INVALID_FIELD");
        assertThat(api.post("/api/v1/parties/" + marketplace + "/api-keys/key_00000000000000000000000000000000/rotate",
                Map.of("overlapSeconds", 999_999_999)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/parties/" + marketplace + "/api-keys").body()).isEmpty();
    }
}
