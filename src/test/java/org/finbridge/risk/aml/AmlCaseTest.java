package org.finbridge.risk.aml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.finbridge.fx.FxTestRates;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.risk.aml.internal.ReportXml;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A suspicious alert becomes a case that analysts work: assignment, notes, a proposal with its rationale,
 * four-eyes approval (the preparer cannot approve), a rejection back to review, and the STR filed as
 * valid XML, every step in the case's history and in the audit log.
 */
@ApplicationTest
class AmlCaseTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    ReferenceRates rates;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void ratesForToday() {
        FxTestRates.publishToday(rates, clock);
    }

    /** Two analysts: separate keys of the platform's operators, each a person to the four-eyes rule. */
    private Api analyst() {
        return new Api(port, actors.key(actors.operator().partyId(), ApiScope.RISK_REVIEW));
    }

    private long auditOf(String caseId) {
        return jdbc.sql("select count(*) from audit_trail where object_id = :id and action like 'aml.case.%'")
                .param("id", caseId).query(Long.class).single();
    }

    private static JsonNode caseOf(Api operator, String partyId) {
        Api.Response r = operator.get("/api/v1/aml/cases?limit=500");
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        for (JsonNode c : r.body()) {
            if (c.get("partyId").asString().equals(partyId)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void aPaymentFromACallForActionCountryOpensACaseThatIsFiledOnlyWithASecondPersonsApproval() {
        TestActors.Credentials merchant = actors.party(PartyKind.MERCHANT);
        Api preparer = analyst();
        Api approver = analyst();
        AmlMonitoringTest.pay(merchant.api(port), 12_000, "EUR", "IR");

        // the alert is raised once the payment's step has committed
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> caseOf(preparer, merchant.partyId().toString()) != null);
        JsonNode opened = caseOf(preparer, merchant.partyId().toString());
        String id = opened.get("id").asString();
        assertThat(opened.get("status").asString()).isEqualTo("OPEN");
        assertThat(opened.get("alerts")).singleElement().satisfies(a -> {
            assertThat(a.get("rule").asString()).isEqualTo("fatf-high-risk-jurisdiction");
            assertThat(a.get("status").asString()).isEqualTo("IN_CASE");
        });
        assertThat(opened.get("dueOn").asString()).isNotBlank();
        assertThat(opened.get("overdue").asBoolean()).isFalse();
        String base = "/api/v1/aml/cases/" + id;

        // the lifecycle: no proposal before anyone reviews it
        assertThat(preparer.post(base + "/proposal", Map.of("proposal", "FILE_STR", "rationale", "x")).code())
                .isEqualTo("ILLEGAL_CASE_TRANSITION");
        // bad input: a clear error, and nothing changes
        long audited = auditOf(id);
        assertThat(preparer.post(base + "/assignment", Map.of("assignee", " ")).code()).isEqualTo("INVALID_FIELD");
        assertThat(preparer.post(base + "/notes", Map.of("body", "x".repeat(4_001))).code()).isEqualTo("INVALID_FIELD");
        assertThat(preparer.post(base + "/decision", Map.of("decision", "MAYBE")).code()).isEqualTo("INVALID_FIELD");
        assertThat(preparer.post("/api/v1/aml/cases/amlcase_" + "0".repeat(32) + "/notes", Map.of("body", "x")).code())
                .isEqualTo("CASE_NOT_FOUND");
        assertThat(preparer.post("/api/v1/aml/cases/garbage/notes", Map.of("body", "x")).status()).isEqualTo(404);
        assertThat(auditOf(id)).isEqualTo(audited);
        assertThat(preparer.get(base).body().get("history").size()).isEqualTo(1);

        assertThat(preparer.post(base + "/assignment", Map.of("assignee", "Li Wei")).body().get("status").asString())
                .isEqualTo("IN_REVIEW");
        assertThat(preparer.post(base + "/notes", Map.of("body", "Buyer country Iran; card BIN issued in DE.")).status())
                .isEqualTo(200);
        assertThat(preparer.post(base + "/proposal", Map.of("proposal", "FILE_STR")).code()).isEqualTo("INVALID_FIELD");
        JsonNode proposed = preparer.post(base + "/proposal", Map.of("proposal", "FILE_STR",
                "rationale", "Goods sold to a buyer in a FATF call-for-action jurisdiction.")).body();
        assertThat(proposed.get("status").asString()).isEqualTo("AWAITING_APPROVAL");

        // four eyes: the preparer cannot approve its own proposal
        Api.Response own = preparer.post(base + "/decision", Map.of("decision", "APPROVE"));
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.code()).isEqualTo("FOUR_EYES_REQUIRED");
        assertThat(preparer.get(base).body().get("status").asString()).isEqualTo("AWAITING_APPROVAL");

        // a second person sends it back, the preparer proposes again, the second person approves
        assertThat(approver.post(base + "/decision", Map.of("decision", "REJECT", "comment", "Add the order details."))
                .body().get("status").asString()).isEqualTo("IN_REVIEW");
        preparer.post(base + "/proposal", Map.of("proposal", "FILE_STR", "rationale", "Order aml-… shipped to Tehran."));
        JsonNode decided = approver.post(base + "/decision", Map.of("decision", "APPROVE")).body();
        assertThat(decided.get("status").asString()).isEqualTo("REPORTED");
        assertThat(decided.get("approver").asString()).isNotEqualTo(decided.get("preparer").asString());
        assertThat(decided.get("alerts").get(0).get("status").asString()).isEqualTo("REPORTED");
        List<String> moves = new java.util.ArrayList<>();
        decided.get("history").forEach(h -> moves.add(h.get("to").asString()));
        assertThat(moves).containsExactly("OPEN", "IN_REVIEW", "AWAITING_APPROVAL", "IN_REVIEW", "AWAITING_APPROVAL", "REPORTED");
        assertThat(decided.get("notes").size()).isEqualTo(2);
        // assign, note, propose, refused approval, reject, propose, approve
        assertThat(auditOf(id) - audited).isEqualTo(7);

        String reportId = decided.get("reportId").asString();
        String xml = preparer.get("/api/v1/aml/reports/" + reportId + "/xml").raw().body();
        assertThat(ReportXml.problem(xml)).isNull();
        assertThat(xml).contains("<ReportType>STR</ReportType>", "fatf-high-risk-jurisdiction",
                "<CounterpartyCountry>IRN</CounterpartyCountry>", "Order aml-… shipped to Tehran.");

        // a closed case stays as decided
        assertThat(preparer.post(base + "/notes", Map.of("body", "late")).code()).isEqualTo("ILLEGAL_CASE_TRANSITION");
        assertThat(approver.post(base + "/decision", Map.of("decision", "APPROVE")).code()).isEqualTo("ILLEGAL_CASE_TRANSITION");
    }

    @Test
    void staffReferAPartyAndCloseTheCaseWithoutAReport() {
        TestActors.Credentials merchant = actors.party(PartyKind.MERCHANT);
        Api preparer = analyst();
        Api approver = analyst();
        assertThat(preparer.post("/api/v1/aml/cases", Map.of("partyId", "pty_" + "0".repeat(32), "reason", "x")).code())
                .isEqualTo("INVALID_FIELD");
        assertThat(preparer.post("/api/v1/aml/cases", Map.of("partyId", merchant.partyId().toString())).code())
                .isEqualTo("INVALID_FIELD");
        Api.Response referred = preparer.post("/api/v1/aml/cases", Map.of("partyId", merchant.partyId().toString(),
                "reason", "The merchant's director asked how to avoid reports."));
        assertThat(referred.status()).isEqualTo(201);
        String base = "/api/v1/aml/cases/" + referred.body().get("id").asString();
        // a second referral joins the open case
        assertThat(preparer.post("/api/v1/aml/cases", Map.of("partyId", merchant.partyId().toString(), "reason", "again"))
                .body().get("id").asString()).isEqualTo(referred.body().get("id").asString());
        preparer.post(base + "/assignment", Map.of("assignee", "Zhang San"));
        preparer.post(base + "/proposal", Map.of("proposal", "NO_REPORT", "rationale", "Explained: a misunderstanding."));
        JsonNode closed = approver.post(base + "/decision", Map.of("decision", "APPROVE")).body();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED_NO_REPORT");
        assertThat(closed.get("reportId").isNull()).isTrue();
        assertThat(closed.get("notes").size()).isEqualTo(2);
        // a merchant never sees cases (no tipping-off)
        assertThat(merchant.api(port).get(base).status()).isEqualTo(403);
    }
}
