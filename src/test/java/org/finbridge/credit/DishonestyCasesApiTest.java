package org.finbridge.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The operators' side of the dishonesty list over HTTP: a case opened under a named policy is only a
 * warning until the subject's response window has run; the listing that follows can be appealed, and the
 * appeal is decided by a named person with reasons; credit repair ends it. Every step is in the audit trail,
 * and the scope that does all this reads no credit report.
 */
@ApplicationTest
class DishonestyCasesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestActors actors;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    static final String CASES = "/api/v1/credit/listing-cases";

    @Test
    void anOperatorNoticesListsDecidesTheAppealAndEndsTheListingOnRepair() {
        TestActors.Credentials desk = actors.party(PartyKind.OPERATOR, ApiScope.CREDIT_LISTINGS);
        Api operator = desk.api(port);
        TestActors.Credentials seller = actors.party(PartyKind.MERCHANT);
        Api sellerApi = seller.api(port);

        // the advance notice under a named policy: a warning only, with the policy's response window
        Api.Response opened = operator.post(CASES, Map.of("partyId", seller.partyId().toString(),
                "policy", "REPEATED_TRADE_DISPUTES", "conduct", "six lost chargebacks in a year after a warning",
                "evidence", "chargeback files 1-6"));
        assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(201);
        String id = opened.body().get("id").asString();
        assertThat(opened.body().get("state").asString()).isEqualTo("NOTICED");
        assertThat(opened.body().get("measure").asString()).isEqualTo("WARNING");
        assertThat(operator.post(CASES, Map.of("partyId", seller.partyId().toString(), "policy", "NO_SUCH_POLICY",
                "conduct", "x", "evidence", "y")).status()).isEqualTo(400);
        assertThat(operator.post(CASES, Map.of("partyId", seller.partyId().toString(), "policy", "REPEATED_TRADE_DISPUTES",
                "conduct", "again", "evidence", "again")).status()).as("one open case per policy").isEqualTo(409);

        // nothing beyond a warning while the subject may still respond
        Api.Response early = operator.post(CASES + "/" + id + "/measures", Map.of("measure", "LISTING", "reasons", "no answer"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(sellerApi.post("/api/v1/credit/parties/" + seller.partyId() + "/listing-cases/" + id + "/response",
                Map.of("response", "the chargebacks were fraud on my cards")).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(16));
        Api.Response listed = operator.post(CASES + "/" + id + "/measures", Map.of("measure", "LISTING",
                "reasons", "the response does not explain the disputes"));
        assertThat(listed.status()).as(String.valueOf(listed.body())).isEqualTo(200);
        assertThat(listed.body().get("state").asString()).isEqualTo("LISTED");
        assertThat(listed.body().get("publishedUntil").isNull()).isFalse();
        assertThat(operator.post(CASES + "/" + id + "/measures", Map.of("measure", "LIMITS", "reasons", "milder"))
                .status()).as("measures only escalate").isEqualTo(409);

        // the appeal: decided by a named person with reasons, recorded on the case
        assertThat(operator.post(CASES + "/" + id + "/appeal-decision", Map.of("overturned", true, "reasons", "x"))
                .status()).as("no appeal pending").isEqualTo(409);
        assertThat(sellerApi.post("/api/v1/credit/parties/" + seller.partyId() + "/listing-cases/" + id + "/appeal",
                Map.of("grounds", "the buyers' banks confirmed the fraud")).status()).isEqualTo(200);
        assertThat(operator.post(CASES + "/" + id + "/appeal-decision", Map.of("reasons", "x")).status()).isEqualTo(400);
        Api.Response upheld = operator.post(CASES + "/" + id + "/appeal-decision", Map.of("overturned", false,
                "reasons", "the banks' letters cover two of the six disputes"));
        assertThat(upheld.status()).as(String.valueOf(upheld.body())).isEqualTo(200);
        assertThat(upheld.body().get("state").asString()).isEqualTo("LISTED");
        assertThat(upheld.body().get("appealDecision").asString()).startsWith("upheld: the banks' letters");
        assertThat(upheld.body().get("appealReviewer").asString()).startsWith("key:");

        // credit repair ends the listing (a minor case has no minimum publication)
        Api.Response repaired = operator.post(CASES + "/" + id + "/repair", Map.of("evidence", "all six buyers refunded"));
        assertThat(repaired.status()).as(String.valueOf(repaired.body())).isEqualTo(200);
        assertThat(repaired.body().get("state").asString()).isEqualTo("ENDED");
        assertThat(repaired.body().get("endReason").asString()).contains("credit repair");

        JsonNode list = operator.get(CASES + "?partyId=" + seller.partyId()).body();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asString()).isEqualTo(id);
        assertThat(operator.get(CASES + "/" + id).body().get("state").asString()).isEqualTo("ENDED");

        // every step is audited under the operator's key, with the subject's own steps under the subject
        List<String> actions = jdbc.sql("select action from audit_trail where object_type = 'credit_listing_case'"
                + " and object_id = :id order by sequence nulls last, staged_id").param("id", id).query(String.class).list();
        assertThat(actions).containsExactly("credit.listing.notice", "credit.listing.respond", "credit.listing.impose",
                "credit.listing.appeal", "credit.listing.appeal-decide", "credit.listing.repair");
    }

    @Test
    void theListingDeskReadsNoCreditReportAndSubjectsCannotUseIt() {
        assertThat(ApiScope.grantableTo(PartyKind.OPERATOR)).contains(ApiScope.CREDIT_LISTINGS)
                .doesNotContain(ApiScope.CREDIT_REPORTS_READ);
        for (PartyKind kind : PartyKind.values()) {
            if (kind != PartyKind.OPERATOR) {
                assertThat(ApiScope.grantableTo(kind)).as(kind.name()).doesNotContain(ApiScope.CREDIT_LISTINGS);
            }
        }
        TestActors.Credentials seller = actors.party(PartyKind.MERCHANT);
        Api operator = actors.party(PartyKind.OPERATOR).api(port); // every scope an operator may hold
        assertThat(operator.get("/api/v1/credit/reports/" + seller.partyId() + "?purpose=LOAN_APPLICATION").status())
                .isEqualTo(403);
        Api.Response bySeller = seller.api(port).post(CASES, Map.of("partyId", seller.partyId().toString(),
                "policy", "CONFIRMED_FRAUD", "conduct", "x", "evidence", "y"));
        assertThat(bySeller.status()).isEqualTo(403);
        assertThat(operator.get(CASES + "/lst_nonexistent").status()).isEqualTo(404);
    }
}
