package org.finbridge.party.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person's way through the console over real HTTP: enrolment of the authenticator, login with
 * password and TOTP, the session cookie's flags, CSRF, rotation of the session id at login, the
 * 15-minute idle timeout on the application clock, server-side logout, and the audit log naming the
 * person and their role.
 */
@ApplicationTest
class ConsoleSessionTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    Api anonymous;
    String email;
    String secret;

    @BeforeEach
    void anAdministratorWithAnAuthenticator() {
        anonymous = new Api(port);
        TestActors.Credentials operator = actors.operator();
        email = "admin-" + System.nanoTime() + "@finbridge.example";
        Api.Response created = operator.api(port).post("/api/v1/parties/" + operator.partyId() + "/console-users",
                Map.of("email", email, "password", PASSWORD, "role", "OPERATOR_ADMIN"));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);

        Api.Response early = login(null);
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.code()).isEqualTo("TOTP_ENROLMENT_REQUIRED");

        Api.Response enrolment = anonymous.post("/console/totp-enrolment", Map.of("email", email, "password", PASSWORD));
        assertThat(enrolment.status()).isEqualTo(200);
        secret = URI.create(enrolment.body().get("otpauthUri").asString()).getQuery().replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        assertThat(anonymous.post("/console/totp-enrolment/confirm",
                Map.of("email", email, "password", PASSWORD, "totp", code())).status()).isEqualTo(204);
        assertThat(anonymous.post("/console/totp-enrolment", Map.of("email", email, "password", PASSWORD)).code())
                .isEqualTo("ALREADY_ENROLLED");
        clock.advance(Duration.ofSeconds(30)); // the confirming code is spent; the next login needs the next one
    }

    private String code() {
        return Totp.code(Totp.fromBase32(secret), Totp.step(clock.instant()), Totp.DIGITS);
    }

    private Api.Response login(String totp) {
        Map<String, String> body = new LinkedHashMap<>(Map.of("email", email, "password", PASSWORD));
        if (totp != null) {
            body.put("totp", totp);
        }
        return anonymous.post("/console/session", body);
    }

    /** The browser's side: the cookies a response set, sent back on every later request with the CSRF token. */
    private static Api browser(Api.Response login, int port) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : login.raw().headers().allValues("set-cookie")) {
            String pair = header.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        String cookie = String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        Api api = new Api(port).with("Cookie", cookie);
        return login.body() != null && login.body().get("csrfToken") != null
                ? api.with("X-XSRF-TOKEN", login.body().get("csrfToken").asString()) : api;
    }

    private static String sessionId(Api.Response login) {
        return login.raw().headers().allValues("set-cookie").stream().filter(c -> c.startsWith("FINBRIDGE_SESSION="))
                .map(c -> c.split(";", 2)[0].substring("FINBRIDGE_SESSION=".length())).findFirst().orElseThrow();
    }

    @Test
    void aRequestWithAnApiKeyStartsNoSession() {
        // machine clients are stateless: a session per key request would be kept for fifteen minutes each, thousands
        // at a time under load, and cost every request a secure random id and a Set-Cookie
        TestActors.Credentials operator = actors.operator();
        Api.Response read = operator.api(port).get("/api/v1/parties/" + operator.partyId());
        assertThat(read.status()).as(String.valueOf(read.body())).isEqualTo(200);
        Api.Response write = operator.api(port).post("/api/v1/parties/" + operator.partyId() + "/console-users",
                Map.of("email", "nosession-" + System.nanoTime() + "@finbridge.example", "password", PASSWORD,
                        "role", "OPERATOR_ADMIN"));
        assertThat(write.status()).as(String.valueOf(write.body())).isEqualTo(201);
        for (Api.Response r : java.util.List.of(read, write)) {
            assertThat(r.raw().headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("FINBRIDGE_SESSION="));
        }
        // and a login still starts one
        assertThat(login(code()).raw().headers().allValues("set-cookie")).anyMatch(c -> c.startsWith("FINBRIDGE_SESSION="));
    }

    @Test
    void loginNeedsTheSecondFactorAndGivesAHardenedCookie() {
        assertThat(login("000000").code()).isIn("SECOND_FACTOR_REQUIRED");
        Api.Response wrongPassword = anonymous.post("/console/session", Map.of("email", email, "password", "nope nope nope", "totp", code()));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("INVALID_CREDENTIALS");

        Api.Response ok = login(code());
        assertThat(ok.status()).as(String.valueOf(ok.body())).isEqualTo(200);
        assertThat(ok.body().get("role").asString()).isEqualTo("OPERATOR_ADMIN");
        String cookie = ok.raw().headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("FINBRIDGE_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");

        // the same code cannot be used twice (RFC 6238 §5.2)
        assertThat(login(code()).code()).isEqualTo("SECOND_FACTOR_REQUIRED");
    }

    @Test
    void aSessionActsWithItsRoleOnlyAndItsChangesNameThePersonInTheAuditLog() {
        Api session = browser(login(code()), port);
        assertThat(session.get("/console/session").body().get("name").asString()).isEqualTo("user:" + email);

        Api.Response registered = session.post("/api/v1/parties", Map.of("kind", "LENDER", "country", "CN", "legalName", "Console Bank"));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        Map<String, Object> audit = jdbc.sql("select actor, role, request_id from audit_trail where object_id = :id and action = 'party.register'")
                .param("id", registered.body().get("id").asString()).query().singleRow();
        assertThat(audit.get("actor")).isEqualTo("user:" + email);
        assertThat(audit.get("role")).isEqualTo("OPERATOR_ADMIN");
        assertThat(audit.get("request_id")).isNotNull();

        // an administrator decides no KYB file and moves no money: duties are separated
        assertThat(session.get("/api/v1/kyb").status()).isEqualTo(403);
        assertThat(session.get("/api/v1/ledger/accounts/acc_01900000000070008000000000000000").status()).isEqualTo(403);
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefusedAndWritesNothing() {
        Api.Response ok = login(code());
        Api withToken = browser(ok, port);
        Api withoutToken = new Api(port).with("Cookie", "FINBRIDGE_SESSION=" + sessionId(ok));
        long before = jdbc.sql("select count(*) from parties").query(Long.class).single();
        Api.Response forged = withoutToken.post("/api/v1/parties", Map.of("kind", "LENDER", "country", "CN", "legalName", "Forged Bank"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(jdbc.sql("select count(*) from parties").query(Long.class).single()).isEqualTo(before);
        // reads need no token; the session itself is fine
        assertThat(withoutToken.get("/console/session").status()).isEqualTo(200);
        assertThat(withToken.post("/api/v1/parties", Map.of("kind", "LENDER", "country", "CN", "legalName", "Real Bank"))
                .status()).isEqualTo(201);
    }

    @Test
    void loginRotatesTheSessionIdSoAPlantedSessionIsWorthless() {
        Api.Response first = login(code());
        String planted = sessionId(first);
        clock.advance(Duration.ofSeconds(30));
        // the victim logs in carrying a session id the attacker knows
        Api.Response second = new Api(port).with("Cookie", "FINBRIDGE_SESSION=" + planted)
                .post("/console/session", Map.of("email", email, "password", PASSWORD, "totp", code()));
        assertThat(second.status()).isEqualTo(200);
        assertThat(sessionId(second)).isNotEqualTo(planted);
        assertThat(new Api(port).with("Cookie", "FINBRIDGE_SESSION=" + planted).get("/console/session").status()).isEqualTo(401);
        assertThat(browser(second, port).get("/console/session").status()).isEqualTo(200);
    }

    @Test
    void aSessionIdleForFifteenMinutesEnds() {
        Api session = browser(login(code()), port);
        clock.advance(Duration.ofMinutes(14));
        assertThat(session.get("/api/v1/parties/" + actors.operator().partyId()).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(14)); // 28 minutes since login, but only 14 idle
        assertThat(session.get("/console/session").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        Api.Response expired = session.get("/api/v1/parties/" + actors.operator().partyId());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("SESSION_EXPIRED");
        assertThat(session.get("/console/session").status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        Api session = browser(login(code()), port);
        assertThat(session.delete("/console/session").status()).isEqualTo(204);
        assertThat(session.get("/console/session").status()).isEqualTo(401);
        assertThat(session.get("/api/v1/parties/" + actors.operator().partyId()).status()).isEqualTo(401);
    }

    @Test
    void tenFailuresLockTheAccountForThirtyMinutes() {
        assertThat(login(code()).status()).as("a success clears earlier failures").isEqualTo(200);
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 9; i++) {
            assertThat(anonymous.post("/console/session", Map.of("email", email, "password", "wrong password " + i)).status())
                    .isEqualTo(401);
        }
        Api.Response locked = anonymous.post("/console/session", Map.of("email", email, "password", "wrong password 9"));
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.raw().headers().firstValue("Retry-After")).hasValue(String.valueOf(30 * 60));
        assertThat(login(code()).status()).as("even the right password and code").isEqualTo(423);
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        assertThat(login(code()).status()).isEqualTo(200);
        assertThat(List.of(locked.code())).containsExactly("ACCOUNT_LOCKED");
    }
}
