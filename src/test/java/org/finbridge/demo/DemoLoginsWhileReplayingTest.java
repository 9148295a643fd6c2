package org.finbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.finbridge.payments.connector.http.NotificationSignatures;
import org.finbridge.payments.connector.simulated.SimulatedCardAcquirer;
import org.finbridge.support.Api;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.InvariantSweepAfterEach;
import org.finbridge.support.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The demo as {@code bin/finbridge run} plays it, on the demo's own clock (the system clock, rewound while the
 * market is replayed): each demo role logs in over HTTP with the password and the code an authenticator app shows
 * at real time, while the replay is ten days into its window (its clock is a year in the past and jumps by days),
 * and the sessions opened then still work after the replay caught up with real time, as do fresh logins.
 *
 * <p>Before, the logins were made only at the end, and the TOTP code, the session's idle time and the lockout were
 * measured on the replayed clock: a code from a phone never matched, and a session died at the next simulated day.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"finbridge.demo.clock=true", "finbridge.connectors.http.enabled=false",
                "finbridge.events.resubmit.enabled=false", "finbridge.financing.cron=-", "finbridge.risk.fraud.mode=SHADOW"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ExtendWith(InvariantSweepAfterEach.class)
class DemoLoginsWhileReplayingTest {

    /** Where each demo role lands (README, "Demo market and logins"). */
    static final Map<String, String> LANDING = Map.of("seller", "/console/app/seller", "lender", "/console/app/lender",
            "regulator", "/console/app/regulator", "operator", "/console/app/operator", "risk-analyst", "/console/app/account",
            "marketplace", "/console/app/provider", "logistics", "/console/app/provider");

    @LocalServerPort
    int port;
    @Autowired
    MarketSimulator simulator;
    @Autowired
    DemoLogins logins;
    @Autowired
    DemoClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDemoRoleLogsInWhileTheMarketIsReplayedAndAfterIt() throws Exception {
        DemoStartup startup = new DemoStartup(simulator, logins, clock, jdbc, 11L, 3, 12, 1, port, Duration.ofSeconds(20));
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        Thread player = Thread.ofPlatform().name("demo-market-test").start(() -> startup.play(line -> {
            if (line.startsWith("day 10 of 12")) {
                paused.countDown();
                try {
                    resume.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        Map<String, Api> sessions = new LinkedHashMap<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!paused.await(1, TimeUnit.SECONDS)) {
                assertThat(player.isAlive()).as("the demo market stopped before its tenth day (see the log)").isTrue();
                assertThat(System.nanoTime()).as("the replay reached its tenth day").isLessThan(deadline);
            }
            assertThat(clock.replaying()).isTrue();
            assertThat(clock.instant()).as("the application's clock is in the past").isBefore(clock.realNow().minus(Duration.ofDays(1)));

            List<DemoLogins.Login> demo = logins.all();
            assertThat(demo).extracting(DemoLogins.Login::role).containsExactlyElementsOf(DemoLogins.emails().keySet());
            for (DemoLogins.Login login : demo) {
                Api session = logIn(login);
                assertThat(session.get(LANDING.get(login.role())).status()).as(login.role() + " during the replay").isEqualTo(200);
                sessions.put(login.role(), session);
            }
            // a connector's notification is signed and checked on real time: one signed now passes the signature
            // check (and is then refused for its empty body), one stamped with the replayed date is stale
            byte[] empty = "{\"id\":\"\",\"reference\":\"\"}".getBytes(StandardCharsets.UTF_8);
            assertThat(notify(empty, clock.realNow())).isEqualTo(400);
            assertThat(notify(empty, clock.instant())).isEqualTo(401);
        } finally {
            resume.countDown();
            player.join(Duration.ofMinutes(10));
        }
        assertThat(player.isAlive()).isFalse();
        assertThat(jdbc.sql("select count(*) from demo_runs where name = ? and finished_at is not null").param(DemoStartup.RUN)
                .query(Long.class).single()).as("the market was played to its end").isEqualTo(1);
        assertThat(clock.replaying()).isFalse();

        sessions.forEach((role, session) -> assertThat(session.get(LANDING.get(role)).status())
                .as(role + "'s session opened during the replay, after it").isEqualTo(200));
        for (DemoLogins.Login login : logins.all()) {
            Api again = logIn(login);
            assertThat(again.get(LANDING.get(login.role())).status()).as(login.role() + " after the replay").isEqualTo(200);
        }
    }

    /**
     * Logs in as a browser does, with the authenticator's code for now, or the next one if this one was used (a code
     * is accepted one 30-second step either side of real time, and once): waits for real time to catch up when even
     * the next step's code was used.
     */
    private int notify(byte[] body, Instant signedAt) throws Exception {
        String signature = NotificationSignatures.sign("finbridge-development-only-notification-key", signedAt.getEpochSecond(), body);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/connectors/" + SimulatedCardAcquirer.NAME + "/notifications"))
                .header("Content-Type", "application/json").header(NotificationSignatures.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Api logIn(DemoLogins.Login login) throws InterruptedException {
        long lastUsed = jdbc.sql("select last_totp_step from console_users where email = ?").param(login.email())
                .query(Long.class).single();
        while (clock.realNow().getEpochSecond() / 30 < lastUsed) {
            Thread.sleep(500);
        }
        long step = Math.max(clock.realNow().getEpochSecond() / 30, lastUsed + 1);
        String code = Totp.code(login.totpSecret(), Instant.ofEpochSecond(step * 30));
        Api.Response r = new Api(port).post("/console/session",
                Map.of("email", login.email(), "password", DemoLogins.PASSWORD, "totp", code));
        assertThat(r.status()).as(login.role() + ": " + r.body()).isEqualTo(200);
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : r.raw().headers().allValues("set-cookie")) {
            String pair = header.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return new Api(port).with("Cookie", String.join("; ", cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
}
