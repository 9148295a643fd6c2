package org.finbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.platform.QueuePage;
import org.finbridge.risk.fraud.FraudReviews;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A busy day's fraud review queue is longer than a page: the server pages it in a stable order, so every item is on
 * exactly one page and paging through shows them all; a column's link sorts it (again: the other way round), each
 * link keeps the other queues' pages, a hand-written sort falls back to the queue's own order and a page past the
 * end shows the last one. In English and in Chinese.
 */
@ApplicationTest
class OperatorQueuePagingTest {

    private static final Pattern DECISION = Pattern.compile("data-decision=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ConsoleUsers users;
    @Autowired
    FraudReviews fraud;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    TestActors actors;
    @Autowired
    LedgerInvariants invariants;

    @Test
    void aBusyDaysFraudQueueIsBrowsedPageByPageWithEveryItemOnExactlyOnePage() {
        OperatorQueueFixtures fixtures = OperatorQueueFixtures.of(context, actors.operator().partyId());
        long before = fraud.queue(QueuePage.Request.first(1)).total();
        for (long i = 0; i < Math.max(2, 2 * PAGE - before); i++) {
            fixtures.heldForReview(1_000 + i);
        }
        clock.advance(Duration.ofSeconds(5));
        String newest = fixtures.heldForReview(999).decision().id();
        long total = fraud.queue(QueuePage.Request.first(1)).total();
        int pages = (int) ((total + PAGE - 1) / PAGE);
        assertThat(pages).isGreaterThanOrEqualTo(2);

        Api analyst = ConsoleSessions.session(port, users, clock, actors.operator().partyId(), ConsoleRole.OPERATOR_RISK_ANALYST);
        String first = analyst.get("/console/app/operator?lang=en").raw().body();
        assertThat(decisions(first)).hasSize(PAGE).doesNotContain(newest);
        assertThat(first).contains("Page 1 of " + pages + " · " + total + " items").contains("data-total=\"" + total + "\"");
        assertThat(first).as("the score column is a sort link").contains("fraud-sort=score");

        List<String> seen = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            seen.addAll(decisions(analyst.get("/console/app/operator?fraud-page=" + p).raw().body()));
        }
        assertThat(seen).hasSize((int) total);
        assertThat(new HashSet<>(seen)).hasSize((int) total);
        assertThat(seen.getLast()).as("oldest first: the newest is last").isEqualTo(newest);

        String newestFirst = analyst.get("/console/app/operator?fraud-sort=decided&fraud-dir=desc&aml-page=1").raw().body();
        assertThat(decisions(newestFirst).getFirst()).isEqualTo(newest);
        assertThat(newestFirst).contains("aria-sort=\"descending\"");
        assertThat(newestFirst).as("paging on keeps the order and the other queue's page")
                .containsPattern("fraud-page=1[^\"]*fraud-sort=decided[^\"]*fraud-dir=desc|aml-page=1[^\"]*fraud-page=1");

        // a hand-written sort is not SQL: the queue's own order; past the end: the last page
        assertThat(decisions(analyst.get("/console/app/operator?fraud-sort=decided_at;drop%20table%20x").raw().body()))
                .isEqualTo(decisions(first));
        assertThat(decisions(analyst.get("/console/app/operator?fraud-page=99999").raw().body()))
                .isEqualTo(seen.subList((pages - 1) * PAGE, (int) total));

        String chinese = analyst.get("/console/app/operator?lang=zh-CN").raw().body();
        assertThat(chinese).contains("第 1 / " + pages + " 页 · 共 " + total + " 项").contains("下一页");

        assertThat(invariants.sweep().isClean()).isTrue();
    }

    @Test
    void anActionOnTheSecondPageReturnsToTheSecondPage() {
        OperatorQueueFixtures fixtures = OperatorQueueFixtures.of(context, actors.operator().partyId());
        long before = fraud.queue(QueuePage.Request.first(1)).total();
        for (long i = 0; i < Math.max(2, 2 * PAGE + 2 - before); i++) {
            fixtures.heldForReview(2_000 + i);
        }
        Api analyst = ConsoleSessions.session(port, users, clock, actors.operator().partyId(), ConsoleRole.OPERATOR_RISK_ANALYST);
        String second = analyst.get("/console/app/operator?fraud-page=1&fraud-sort=score&aml-page=0&lang=en").raw().body();
        assertThat(second).contains("name=\"back\" value=\"fraud-page=1&amp;fraud-sort=score&amp;aml-page=0\"");
        String decision = decisions(second).getFirst();
        String next = decisions(second).get(1);
        String nextPayment = String.valueOf(fraud.find(next).orElseThrow().paymentId());

        Api.Response r = analyst.postRaw("/console/app/operator/fraud/" + decision + "/review", ConsoleSessions.form(java.util.Map.of(
                "decision", "APPROVE", "reason", "known buyer", "back", "fraud-page=1&fraud-sort=score&aml-page=0")),
                ConsoleSessions.FORM);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.raw().headers().firstValue("location").orElseThrow())
                .endsWith("/console/app/operator?fraud-page=1&fraud-sort=score&aml-page=0#fraud-heading");
        String after = ConsoleSessions.postAndFollow(analyst, "/console/app/operator/fraud/" + next + "/review",
                java.util.Map.of("decision", "APPROVE", "reason", "known buyer", "back", "fraud-page=1&fraud-sort=score"), new int[1]);
        assertThat(after).as("the second page, with the notice of the action").contains("Page 2 of ")
                .contains("Payment " + nextPayment + " approved");
        assertThat(decisions(after)).hasSize(PAGE).doesNotContain(decision, next);

        // the field is the page's own state, nothing else: other parameters, other hosts and broken values are dropped
        Api.Response hostile = analyst.postRaw("/console/app/operator/fraud/" + decisions(after).getFirst() + "/review",
                ConsoleSessions.form(java.util.Map.of("decision", "APPROVE", "reason", "", "back",
                        "fraud-page=1&next=//evil.example&aml-sort=a%0d%0aSet-Cookie:x=1&hits-dir=desc")), ConsoleSessions.FORM);
        assertThat(hostile.status()).isEqualTo(302);
        assertThat(hostile.raw().headers().firstValue("location").orElseThrow())
                .endsWith("/console/app/operator?fraud-page=1&hits-dir=desc#fraud-heading");
        assertThat(invariants.sweep().isClean()).isTrue();
    }

    private static final int PAGE = 25;

    /** The decisions the fraud queue's table shows, in order. */
    private static List<String> decisions(String page) {
        int start = page.indexOf("id=\"fraud-queue\"");
        assertThat(start).as("the fraud queue's table").isPositive();
        String table = page.substring(start, page.indexOf("</table>", start));
        List<String> ids = new ArrayList<>();
        Matcher m = DECISION.matcher(table);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
