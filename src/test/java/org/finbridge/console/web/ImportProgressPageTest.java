package org.finbridge.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUser;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.PartyKind;
import org.finbridge.party.internal.TotpCodes;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.finbridge.trade.OrderFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A marketplace sends a file of a few thousand orders from the console over real HTTP: the upload answers at once
 * with the import's page, whose progress panel (what htmx polls every second) shows the rows read rising while the
 * import runs, then the finished state with a link to the report, which lists the rejected rows. Another
 * marketplace's person gets 404 for each of these pages.
 */
@ApplicationTest
class ImportProgressPageTest {

    static final String PASSWORD = "correct horse battery staple";
    static final int ORDERS = 4_000;
    static final Pattern PANEL = Pattern.compile(
            "id=\"progress\"[^>]*?data-state=\"(\\w+)\" data-lines-read=\"(\\d+)\" data-lines-total=\"(\\d+)\" data-rejected=\"(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestActors actors;
    @Autowired
    ConsoleUsers users;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Sample(String state, long read, long total, long rejected, boolean polls) {
    }

    @Test
    void aBulkFileShowsItsProgressRisingThenFinishesWithALinkToItsRejectedRows() throws Exception {
        TestActors.Credentials marketplace = actors.party(PartyKind.MARKETPLACE);
        String merchant = actors.party(PartyKind.MERCHANT).partyId().toString();
        String prefix = "PROGRESS-" + UUID.randomUUID().toString().substring(0, 8);
        String ordered = clock.instant().minus(Duration.ofDays(1)).toString();
        // a few thousand orders over about twice as many rows, and two invalid ones at the end (an HS code too short)
        String file = OrderFiles.csv(prefix, ORDERS, merchant, clock.instant().minus(Duration.ofDays(1)))
                + prefix + "-bad-1," + merchant + ",,buyer-x,EUR,100," + ordered + ",8517,\"chargers\",1,100\n"
                + prefix + "-bad-2," + merchant + ",,buyer-y,EUR,100," + ordered + ",8517,\"chargers\",1,100\n";
        long fileLines = file.lines().count();
        Browser person = logIn(marketplace, "marketplace.test");

        HttpResponse<String> sent = person.upload(file);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String location = sent.headers().firstValue("Location").orElseThrow();
        String jobPath = URI.create(location).getPath();
        assertThat(jobPath).matches("/console/app/provider/imports/imp_[0-9a-z]+");

        HttpResponse<String> page = person.get(jobPath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"progress\"");

        List<Sample> samples = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Sample last;
        do {
            HttpResponse<String> panel = person.get(jobPath + "/progress");
            assertThat(panel.statusCode()).isEqualTo(200);
            last = sample(panel.body());
            samples.add(last);
            Thread.sleep(20);
        } while (last.state().equals("RUNNING") && System.nanoTime() < deadline);

        assertThat(last.state()).as("finished").isEqualTo("COMMITTED");
        assertThat(last.read()).isEqualTo(fileLines);
        assertThat(last.total()).isEqualTo(fileLines);
        assertThat(last.rejected()).isEqualTo(2);
        assertThat(last.polls()).as("the finished panel stops polling").isFalse();
        assertThat(samples.stream().filter(s -> s.state().equals("RUNNING"))).as("polled while running")
                .allSatisfy(s -> assertThat(s.polls()).isTrue())
                .anySatisfy(s -> assertThat(s.read()).isStrictlyBetween(0L, fileLines));
        for (int i = 1; i < samples.size(); i++) {
            assertThat(samples.get(i).read()).as("progress never goes back").isGreaterThanOrEqualTo(samples.get(i - 1).read());
        }

        String finished = person.get(jobPath + "/progress").body();
        Matcher link = Pattern.compile("id=\"report-link\" href=\"([^\"]+)\"").matcher(finished);
        assertThat(link.find()).as(finished).isTrue();
        HttpResponse<String> report = person.get(link.group(1));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("4,002 records in the file: 4,000 accepted, 2 rejected (listed below).")
                .contains("id=\"rejections\"").contains("hsCode");
        assertThat(jdbc.sql("select count(*) from trade_orders where order_number like ?").param(prefix + "-%")
                .query(Long.class).single()).isEqualTo(ORDERS);

        // another marketplace's person: no such import
        Browser stranger = logIn(actors.party(PartyKind.MARKETPLACE), "other-marketplace.test");
        for (String path : List.of(jobPath, jobPath + "/progress", link.group(1))) {
            assertThat(stranger.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    private static Sample sample(String html) {
        Matcher m = PANEL.matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return new Sample(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                html.contains("hx-trigger=\"every 1s\""));
    }

    /** A console user of the party, logged in over HTTP: its cookies and CSRF token. */
    private Browser logIn(TestActors.Credentials party, String domain) {
        String email = "provider-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
        ConsoleUser user = ((ConsoleUsers.Creation.Created) users.create(party.partyId(), email, PASSWORD,
                ConsoleRole.MARKETPLACE, "test")).user();
        String secret = TotpCodes.secretOf(users.startTotpEnrolment(user.id()).orElseThrow());
        assertThat(users.confirmTotp(user.id(), TotpCodes.code(secret, clock.instant()))).isTrue();
        clock.advance(Duration.ofSeconds(31)); // a code is accepted once: the next one
        Api.Response login = new Api(port).post("/console/session",
                Map.of("email", email, "password", PASSWORD, "totp", TotpCodes.code(secret, clock.instant())));
        assertThat(login.status()).as(String.valueOf(login.body())).isEqualTo(200);
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : login.raw().headers().allValues("set-cookie")) {
            String pair = header.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return new Browser(String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
                login.body().get("csrfToken").asString());
    }

    private final class Browser {
        final String cookie;
        final String csrf;

        Browser(String cookie, String csrf) {
            this.cookie = cookie;
            this.csrf = csrf;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Cookie", cookie)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The page's form as a browser sends it: multipart, the CSRF token beside the fields. */
        HttpResponse<String> upload(String csv) throws Exception {
            String boundary = "----finbridge" + UUID.randomUUID();
            StringBuilder body = new StringBuilder();
            for (String[] field : new String[][] {{"kind", "ORDERS"}, {"format", "CSV"}, {"onInvalidRows", "COMMIT_VALID"}, {"_csrf", csrf}}) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
                        .append("\"\r\n\r\n").append(field[1]).append("\r\n");
            }
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\n")
                    .append("Content-Type: text/csv\r\n\r\n").append(csv).append("\r\n--").append(boundary).append("--\r\n");
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/app/provider/imports"))
                    .header("Cookie", cookie).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
