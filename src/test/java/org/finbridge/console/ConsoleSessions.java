package org.finbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUser;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.PartyId;
import org.finbridge.party.internal.TotpCodes;
import org.finbridge.support.Api;
import org.finbridge.support.MutableClock;

/** Console sessions over HTTP as a browser holds them: logged in with password and TOTP, the cookie and CSRF token kept. */
final class ConsoleSessions {

    static final String PASSWORD = "correct horse battery staple";
    static final String FORM = "application/x-www-form-urlencoded";

    private ConsoleSessions() {
    }

    /** Logs a new console user of the party in the role in; the session and CSRF token ride along. */
    static Api session(int port, ConsoleUsers users, MutableClock clock, PartyId party, ConsoleRole role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@console.test";
        ConsoleUser user = ((ConsoleUsers.Creation.Created) users.create(party, email, PASSWORD, role, "test")).user();
        String secret = TotpCodes.secretOf(users.startTotpEnrolment(user.id()).orElseThrow());
        assertThat(users.confirmTotp(user.id(), TotpCodes.code(secret, clock.instant()))).isTrue();
        clock.advance(Duration.ofSeconds(31)); // the next code: a code is accepted once
        Api.Response login = new Api(port).post("/console/session", Map.of("email", email, "password", PASSWORD,
                "totp", TotpCodes.code(secret, clock.instant())));
        assertThat(login.status()).as(String.valueOf(login.body())).isEqualTo(200);
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : login.raw().headers().allValues("set-cookie")) {
            String pair = header.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        String cookie = String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        return new Api(port).with("Cookie", cookie).with("X-XSRF-TOKEN", login.body().get("csrfToken").asString());
    }

    /** Posts the form; a redirect is followed like a browser does, and the page it shows is answered (else ""). */
    static String postAndFollow(Api api, String path, Map<String, String> fields, int[] status) {
        Api.Response r = api.postRaw(path, form(fields), FORM);
        status[0] = r.status();
        if (r.status() != 302) {
            return "";
        }
        URI location = URI.create(r.raw().headers().firstValue("location").orElseThrow());
        return api.get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery())).raw().body();
    }

    static String form(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> s.append(s.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.toString();
    }
}
