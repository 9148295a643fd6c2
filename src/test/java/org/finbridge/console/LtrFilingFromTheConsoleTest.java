package org.finbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.finbridge.fx.FxTestRates;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.PartyKind;
import org.finbridge.risk.aml.Alert;
import org.finbridge.risk.aml.AlertStatus;
import org.finbridge.risk.aml.AmlMonitoring;
import org.finbridge.risk.aml.AmlReport;
import org.finbridge.risk.aml.AmlReports;
import org.finbridge.risk.aml.ReportType;
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
 * A risk analyst files a large-transaction report (LTR) from the operations page instead of waiting for the
 * monitoring pass: refused (nothing filed) while the customer's day is not over, filed once it is, in the
 * analyst's name, and never twice (neither from here nor by the pass). The regulator finds it among the filed
 * reports. Other roles and unknown alerts get 404. In Chinese and English.
 */
@ApplicationTest
class LtrFilingFromTheConsoleTest {

    @LocalServerPort
    int port;
    @Autowired
    ConsoleUsers users;
    @Autowired
    MutableClock clock;
    @Autowired
    ReferenceRates rates;
    @Autowired
    AmlMonitoring monitoring;
    @Autowired
    AmlReports reports;
    @Autowired
    TestActors actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerInvariants invariants;

    @BeforeEach
    void ratesForToday() {
        FxTestRates.publishToday(rates, clock);
    }

    @Test
    void anAnalystFilesTheDaysLtrOnceTheDayIsOverAndTheRegulatorSeesIt() {
        TestActors.Credentials merchant = actors.party(PartyKind.MERCHANT);
        pay(merchant.api(port), 200_000_00L);
        monitoring.evaluatePending();
        Alert alert = monitoring.alerts(AlertStatus.OPEN, 500).stream()
                .filter(a -> a.partyId().equals(merchant.partyId()) && a.category() == ReportType.LTR).findFirst().orElseThrow();
        String path = "/console/app/operator/ltr/" + alert.id() + "/file";
        Api analyst = ConsoleSessions.session(port, users, clock, actors.operator().partyId(), ConsoleRole.OPERATOR_RISK_ANALYST);
        int[] status = new int[1];
        int requests = count("aml.report.file.request");

        String page = analyst.get("/console/app/operator?lang=zh-CN").raw().body();
        assertThat(page).contains("待报送的大额交易报告").contains("data-alert=\"" + alert.id() + "\"");
        String day = alert.windowKey().substring(0, 10);
        assertThat(ConsoleSessions.postAndFollow(analyst.with("Accept-Language", "zh-CN"), path, Map.of(), status))
                .contains(day + " 尚未结束：当日不再有新交易后方可报送。未报送。");
        assertThat(status[0]).isEqualTo(302);
        assertThat(filedFor(merchant)).isZero();
        assertThat(count("aml.report.file.request")).isEqualTo(requests);

        clock.advance(Duration.ofDays(1));
        FxTestRates.publishToday(rates, clock);
        // a day later the idle session is over: the analyst logs in again
        analyst = ConsoleSessions.session(port, users, clock, actors.operator().partyId(), ConsoleRole.OPERATOR_RISK_ANALYST);
        String filed = ConsoleSessions.postAndFollow(analyst, path + "?lang=en", Map.of(), status);
        assertThat(filed).as("the page after filing").contains("Large-transaction report ").contains(" filed.");
        Alert reported = monitoring.alert(alert.id()).orElseThrow();
        assertThat(reported.status()).isEqualTo(AlertStatus.REPORTED);
        AmlReport report = reports.find(reported.reportId()).orElseThrow();
        assertThat(filed).contains("Large-transaction report " + report.id() + " filed.");
        assertThat(report.featureCode()).isEqualTo(alert.featureCode());
        assertThat(count("aml.report.file.request")).isEqualTo(requests + 1);
        assertThat(jdbc.sql("select actor from audit_trail where action = 'aml.report.file.request' and object_id = ?")
                .param(alert.id().toString()).query(String.class).single()).startsWith("user:");
        assertThat(filed).doesNotContain("data-alert=\"" + alert.id() + "\"");

        // once: neither a second request nor the monitoring pass files it again
        assertThat(ConsoleSessions.postAndFollow(analyst, path, Map.of(), status))
                .contains("This alert&#39;s report is already filed. Nothing was filed again.");
        monitoring.run();
        assertThat(filedFor(merchant)).isEqualTo(1);
        assertThat(count("aml.report.file.request")).isEqualTo(requests + 1);

        Api regulator = ConsoleSessions.session(port, users, clock, actors.party(PartyKind.REGULATOR).partyId(), ConsoleRole.REGULATOR);
        assertThat(regulator.get("/console/app/regulator?lang=en").raw().body()).contains(report.id().toString());

        // nobody else reaches the route; an unknown alert is not found
        for (Api other : new Api[] {regulator,
                ConsoleSessions.session(port, users, clock, actors.operator().partyId(), ConsoleRole.OPERATOR_FINANCE)}) {
            assertThat(other.postRaw(path, "", ConsoleSessions.FORM).status()).isEqualTo(404);
        }
        assertThat(analyst.postRaw("/console/app/operator/ltr/nonsense/file", "", ConsoleSessions.FORM).status()).isEqualTo(404);
        assertThat(invariants.sweep().isClean()).isTrue();
    }

    private long filedFor(TestActors.Credentials merchant) {
        return jdbc.sql("select count(*) from aml_reports where party_id = ? and report_type = 'LTR'")
                .param(merchant.partyId().value()).query(Long.class).single();
    }

    private int count(String action) {
        return jdbc.sql("select count(*) from audit_trail where action = ?").param(action).query(Integer.class).single();
    }

    private static void pay(Api merchant, long amount) {
        Api.Response r = merchant.with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/payments", Map.of(
                "amount", amount, "currency", "USD", "orderReference", "ltr-" + UUID.randomUUID(),
                "buyer", Map.of("country", "DE"),
                "method", Map.of("type", "CARD", "card", Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2099,
                        "cvc", "123")), "captureMethod", "AUTOMATIC", "confirm", true));
        assertThat(r.status()).as(r.body() == null ? "" : r.body().toString()).isEqualTo(201);
    }
}
