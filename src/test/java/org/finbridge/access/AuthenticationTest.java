package org.finbridge.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.finbridge.party.OperatorBootstrap;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 3's "done" line: a merchant, a buyer, a lender, a logistics provider, a regulator and an
 * operator are each created and authenticated through the API, starting from the operator key that
 * the installation's bootstrap prints; keys that are wrong, revoked or belong to a suspended party
 * reach nothing.
 */
@ApplicationTest
class AuthenticationTest {

    @LocalServerPort
    int port;

    @Autowired
    OperatorBootstrap bootstrap;

    @Autowired
    TestActors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.finbridge.support.MutableClock clock;

    @Test
    void everyKindOfPartyIsCreatedAndAuthenticatedFromTheBootstrappedOperator() {
        String adminEmail = "root-" + System.nanoTime() + "@finbridge.example";
        OperatorBootstrap.Result result = bootstrap.bootstrap(adminEmail, "CN");
        assertThat(result).isInstanceOf(OperatorBootstrap.Result.Bootstrapped.class);
        OperatorBootstrap.Result.Bootstrapped b = (OperatorBootstrap.Result.Bootstrapped) result;
        assertThat(b.password()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(bootstrap.bootstrap(adminEmail, "CN")).isInstanceOf(OperatorBootstrap.Result.Refused.class);

        Api operator = new Api(port, b.keySecret());
        assertThat(operator.get("/api/v1/parties/" + b.operator()).status()).isEqualTo(200);
        for (String kind : List.of("MERCHANT", "BUYER", "LENDER", "LOGISTICS_PROVIDER", "REGULATOR", "OPERATOR")) {
            Api.Response party = operator.post("/api/v1/parties", Map.of("kind", kind, "country", "HK", "legalName", kind + " Ltd"));
            assertThat(party.status()).as(kind).isEqualTo(201);
            String id = party.body().get("id").asString();
            Api.Response key = operator.post("/api/v1/parties/" + id + "/api-keys", Map.of("scopes", List.of("parties:read")));
            assertThat(key.status()).as(kind).isEqualTo(201);
            Api self = new Api(port, key.body().get("secret").asString());
            Api.Response me = self.get("/api/v1/parties/" + id);
            assertThat(me.status()).as(kind).isEqualTo(200);
            assertThat(me.body().get("kind").asString()).isEqualTo(kind);
            // and a party of each kind may be given people who log in to the console
            Api.Response user = operator.post("/api/v1/parties/" + id + "/console-users", Map.of("email",
                    kind.toLowerCase() + System.nanoTime() + "@example.com", "password", "correct horse battery",
                    "role", kind.equals("LOGISTICS_PROVIDER") ? "LOGISTICS" : kind.equals("OPERATOR") ? "OPERATOR_FINANCE" : kind));
            assertThat(user.status()).as(kind + " " + user.body()).isEqualTo(201);
        }
    }

    @Test
    void aRevokedKeyOrASuspendedPartyReachesNothingAndTheAuditNamesTheKey() {
        TestActors.Credentials merchant = actors.party(org.finbridge.party.PartyKind.MERCHANT);
        Api api = merchant.api(port);
        Api.Response bank = api.post("/api/v1/parties/" + merchant.partyId() + "/bank-accounts", Map.of("currency", "EUR",
                "iban", "DE89 3704 0044 0532 0130 00", "bic", "COBADEFFXXX", "holderName", "Someone Else"));
        assertThat(bank.status()).isEqualTo(201);
        Map<String, Object> audit = jdbc.sql("select actor, role from audit_trail where object_id = :id")
                .param("id", bank.body().get("id").asString()).query().singleRow();
        assertThat((String) audit.get("actor")).startsWith("key:fbk_").isEqualTo("key:" + merchant.key().substring(0, 16));
        assertThat(audit.get("role")).isEqualTo("API_KEY:MERCHANT");

        // a status changed behind the application's back (another node, a database console) takes effect
        // once the authentication cache's entry lapses (finbridge.security.api-key-cache-ttl, 2 s)
        jdbc.sql("update parties set status = 'SUSPENDED' where id = :id").param("id", merchant.partyId().value()).update();
        clock.advance(java.time.Duration.ofSeconds(3));
        Api.Response suspended = api.get("/api/v1/parties/" + merchant.partyId());
        assertThat(suspended.status()).isEqualTo(401);
        assertThat(suspended.code()).isEqualTo("UNAUTHENTICATED");
        jdbc.sql("update parties set status = 'ONBOARDING' where id = :id").param("id", merchant.partyId().value()).update();
        clock.advance(java.time.Duration.ofSeconds(3));
        assertThat(api.get("/api/v1/parties/" + merchant.partyId()).status()).isEqualTo(200);

        Api.Response malformed = new Api(port).with("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/parties/" + merchant.partyId());
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(new Api(port, merchant.key() + "x").get("/api/v1/parties/" + merchant.partyId()).status()).isEqualTo(401);
    }

    @Test
    void theActuatorShowsHealthToAllAndMetricsToOperatorsOnly() {
        assertThat(new Api(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(new Api(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(actors.party(org.finbridge.party.PartyKind.MERCHANT).api(port).get("/actuator/prometheus").status())
                .isEqualTo(403);
        assertThat(actors.operator().api(port).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(new Api(port).get("/v3/api-docs").status()).isEqualTo(200);
    }
}
