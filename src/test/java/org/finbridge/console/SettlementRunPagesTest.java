package org.finbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.PartyKind;
import org.finbridge.settlement.Settlement;
import org.finbridge.settlement.SettlementRun;
import org.finbridge.settlement.SettlementRunFigures;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The finance operator starts a business date's settlement run from the console and follows it to the end: lines
 * done of those planned, merchants, amounts planned and posted. The start is audited; a date that is not a date,
 * a later date and a date already settled are refused and start nothing; a second start of the date settles
 * nothing twice. Every other role finds no such page, and a post without the CSRF token changes nothing.
 */
@ApplicationTest
class SettlementRunPagesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    ConsoleUsers users;
    @Autowired
    Settlement settlement;
    @Autowired
    SettlementRunFigures figures;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    TestActors actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerInvariants invariants;

    @Test
    void theFinanceOperatorStartsARunAndFollowsItToTheEndInEnglishAndChinese() {
        OperatorQueueFixtures fixtures = OperatorQueueFixtures.of(context, actors.operator().partyId());
        clock.advance(Duration.ofDays(3));
        // captured on a TARGET2 business day, so that their merchants' zero-day holding releases them the day after
        // (captured on a weekend or holiday, they would be due on the next business day, not necessarily tomorrow)
        while (!midweekBusinessDay(LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin")))) {
            clock.advance(Duration.ofDays(1));
        }
        fixtures.merchantToSettle(20_000);
        fixtures.merchantToSettle(5_000);
        clock.advance(Duration.ofDays(1));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        Api finance = ConsoleSessions.session(port, users, clock, actors.operator().partyId(), ConsoleRole.OPERATOR_FINANCE);
        int[] status = new int[1];

        assertThat(finance.get("/console/app/operator?lang=en").raw().body()).contains("id=\"settlement-link\"");
        String page = finance.get("/console/app/operator/settlement?lang=en").raw().body();
        assertThat(page).contains("<h1 class=\"h3 mb-3\">Settlement runs</h1>").contains("value=\"" + today + "\"");

        // refusals start nothing and audit nothing
        int audited = count("settlement.run.start");
        assertThat(ConsoleSessions.postAndFollow(finance, "/console/app/operator/settlement/runs", Map.of("businessDate", "27/11"), status))
                .contains("Enter the business date as a date (YYYY-MM-DD). No run was started.");
        assertThat(status[0]).isEqualTo(302);
        assertThat(ConsoleSessions.postAndFollow(finance, "/console/app/operator/settlement/runs",
                Map.of("businessDate", today.plusDays(1).toString()), status))
                .contains(today.plusDays(1) + " is after today: a date is settled on that date at the earliest. No run was started.");
        assertThat(count("settlement.run.start")).isEqualTo(audited);
        assertThat(settlement.runs(50).stream().anyMatch(r -> r.businessDate().equals(today.plusDays(1)))).isFalse();

        // the start: audited, run in the background, followed until completed
        String started = ConsoleSessions.postAndFollow(finance, "/console/app/operator/settlement/runs",
                Map.of("businessDate", today.toString()), status);
        assertThat(started).contains("Settlement run for " + today + " started. Its progress shows below.");
        assertThat(count("settlement.run.start")).isEqualTo(audited + 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> run(today) != null && run(today).status() == SettlementRun.Status.COMPLETED);
        SettlementRun run = run(today);
        assertThat(run.lines()).isGreaterThanOrEqualTo(2);
        SettlementRunFigures.Figures f = figures.figures(run.id()).orElseThrow();
        assertThat(f.merchants()).isGreaterThanOrEqualTo(2);
        assertThat(f.totals()).anySatisfy(t -> {
            assertThat(t.currency()).isEqualTo("EUR");
            assertThat(t.kind()).isEqualTo("RELEASE");
            assertThat(t.postedMinorUnits()).isEqualTo(t.plannedMinorUnits()).isPositive();
        });
        assertThat(jdbc.sql("select triggered_by from settlement_runs where id = ?").param(run.id().value()).query(String.class).single())
                .as("the run names who started it").startsWith("user:");

        String panel = finance.get("/console/app/operator/settlement/progress?lang=en").raw().body();
        assertThat(panel).contains("data-run=\"" + run.id() + "\"").contains("data-status=\"COMPLETED\"")
                .contains(run.lines() + " of " + run.lines() + " lines done (" + run.refused() + " refused)")
                .contains("Released: ");
        String chinese = finance.get("/console/app/operator/settlement?lang=zh-CN").raw().body();
        assertThat(chinese).contains("结算批次").contains("已处理 " + run.lines() + " / " + run.lines() + " 行").contains("已完成");

        // a second start of the settled date is refused: nothing moves twice
        long postings = postings(run);
        assertThat(ConsoleSessions.postAndFollow(finance, "/console/app/operator/settlement/runs?lang=en",
                Map.of("businessDate", today.toString()), status))
                .contains("The run for " + today + " is already completed: a date is settled once.");
        assertThat(count("settlement.run.start")).isEqualTo(audited + 1);
        assertThat(postings(run)).isEqualTo(postings);

        assertThat(invariants.sweep().isClean()).isTrue();
    }

    /** Tuesday to Thursday and none of TARGET2's fixed holidays (its Easter holidays fall on a Friday and a Monday). */
    private static boolean midweekBusinessDay(LocalDate d) {
        boolean midweek = d.getDayOfWeek().getValue() >= 2 && d.getDayOfWeek().getValue() <= 4;
        String monthDay = d.toString().substring(5);
        return midweek && !java.util.Set.of("01-01", "05-01", "12-25", "12-26").contains(monthDay);
    }

    @Test
    void everyOtherRoleFindsNoSettlementPageAndAPostWithoutTheCsrfTokenChangesNothing() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        Map<String, String> body = Map.of("businessDate", today.toString());
        int audited = count("settlement.run.start");
        for (Api other : new Api[] {
                ConsoleSessions.session(port, users, clock, actors.operator().partyId(), ConsoleRole.OPERATOR_RISK_ANALYST),
                ConsoleSessions.session(port, users, clock, actors.operator().partyId(), ConsoleRole.OPERATOR_ADMIN),
                ConsoleSessions.session(port, users, clock, actors.operator().partyId(), ConsoleRole.OPERATOR_KYB_REVIEWER),
                ConsoleSessions.session(port, users, clock, actors.party(PartyKind.REGULATOR).partyId(), ConsoleRole.REGULATOR)}) {
            assertThat(other.get("/console/app/operator/settlement").status()).isEqualTo(404);
            assertThat(other.get("/console/app/operator/settlement/progress").status()).isEqualTo(404);
            assertThat(other.postRaw("/console/app/operator/settlement/runs", ConsoleSessions.form(body), ConsoleSessions.FORM).status())
                    .isEqualTo(404);
        }
        Api finance = ConsoleSessions.session(port, users, clock, actors.operator().partyId(), ConsoleRole.OPERATOR_FINANCE);
        Api withoutToken = finance.with("X-XSRF-TOKEN", "forged");
        assertThat(withoutToken.postRaw("/console/app/operator/settlement/runs", ConsoleSessions.form(body), ConsoleSessions.FORM).status())
                .isEqualTo(403);
        assertThat(count("settlement.run.start")).isEqualTo(audited);
    }

    private SettlementRun run(LocalDate date) {
        return settlement.runs(100).stream().filter(r -> r.businessDate().equals(date)).findFirst().orElse(null);
    }

    private long postings(SettlementRun run) {
        return jdbc.sql("select count(*) from settlement_postings where run_id = ?").param(run.id().value()).query(Long.class).single();
    }

    private int count(String action) {
        return jdbc.sql("select count(*) from audit_trail where action = ?").param(action).query(Integer.class).single();
    }
}
