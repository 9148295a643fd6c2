package org.finbridge.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.support.Api;
import org.finbridge.support.TestActors;
import org.springframework.beans.factory.annotation.Autowired;
import org.finbridge.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A Shenzhen seller signs up and passes KYB (DESIGN journey 1), over the real HTTP API; and the ways
 * an application is refused.
 */
@ApplicationTest
class MerchantOnboardingTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    Parties parties;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api;
    String uscc;

    @BeforeEach
    void setUp() {
        api = new Api(port, actors.operator().key());
        uscc = TestIdentifiers.uscc();
    }

    private String registerMerchant() {
        Api.Response r = api.post("/api/v1/parties", Map.of("kind", "MERCHANT", "country", "CN",
                "legalName", "Shenzhen Bright Trading Co., Ltd.", "legalNameOriginal", "深圳市光明贸易有限公司",
                "email", "finance@bright.example", "identifiers", Map.of("USCC", uscc)));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        assertThat(r.body().get("status").asString()).isEqualTo("ONBOARDING");
        return r.body().get("id").asString();
    }

    private String openApplication(String merchant) {
        Api.Response r = api.post("/api/v1/parties/" + merchant + "/kyb", Map.of("registrationNumber", uscc,
                "registeredAddress", "1 Shennan Avenue, Futian, Shenzhen", "incorporationDate", "2019-04-01",
                "businessDescription", "exports consumer electronics to the EU"));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        assertThat(r.body().get("state").asString()).isEqualTo("DRAFT");
        return r.body().get("id").asString();
    }

    private void completeFile(String application) {
        Api.Response owner = api.post("/api/v1/kyb/" + application + "/owners", Map.of("fullName", "Wang Fang",
                "fullNameOriginal", "王芳", "nationality", "CN", "birthDate", "1949-12-31",
                "documentType", "CN_RESIDENT_ID", "documentNumber", "11010519491231002X", "ownershipBasisPoints", 6000));
        assertThat(owner.status()).as(String.valueOf(owner.body())).isEqualTo(200);
        Api.Response doc = api.post("/api/v1/kyb/" + application + "/documents", Map.of("type", "BUSINESS_LICENCE",
                "number", uscc, "issuer", "Shenzhen Administration for Market Regulation", "fileName", "licence.pdf",
                "contentType", "application/pdf",
                "contentBase64", Base64.getEncoder().encodeToString("%PDF-1.4 licence".getBytes())));
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body().get("documents").get(0).get("sha256").asString()).hasSize(64);
    }

    @Test
    void aShenzhenSellerIsScreenedReviewedAndApproved() {
        String merchant = registerMerchant();
        String application = openApplication(merchant);
        completeFile(application);

        JsonNode submitted = api.post("/api/v1/kyb/" + application + "/submit", Map.of()).body();
        // no screening service yet: the file goes to a person, never cleared automatically
        assertThat(submitted.get("state").asString()).isEqualTo("IN_REVIEW");
        JsonNode history = submitted.get("history");
        assertThat(history).extracting(h -> h.get("to").asString())
                .containsExactly("DRAFT", "SUBMITTED", "SCREENING", "IN_REVIEW");
        assertThat(history.get(3).get("reason").asString()).contains("manual review required");

        JsonNode queue = api.get("/api/v1/kyb?state=IN_REVIEW&limit=500").body();
        assertThat(queue).extracting(a -> a.get("id").asString()).contains(application);

        JsonNode approved = api.post("/api/v1/kyb/" + application + "/decision",
                Map.of("decision", "APPROVE", "riskTier", "MEDIUM", "reason", "licence and owner verified")).body();
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("nextReviewOn").asString()).isNotBlank();
        JsonNode party = api.get("/api/v1/parties/" + merchant).body();
        assertThat(party.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(party.get("riskTier").asString()).isEqualTo("MEDIUM");
        assertThat(party.get("identifiers").get("USCC").asString()).isEqualTo(uscc);

        // every step is in the audit log, in order, in the same transactions as the changes
        List<String> actions = jdbc.sql("select action from audit_trail where object_id = :id order by sequence nulls last, staged_id")
                .param("id", application).query(String.class).list();
        assertThat(actions).containsExactly("party.kyb.draft", "party.kyb.owner.add", "party.kyb.document.add",
                "party.kyb.submitted", "party.kyb.screening", "party.kyb.in_review", "party.kyb.approved");
        assertThat(jdbc.sql("select count(*) from audit_trail where object_id = :id and action = 'party.register'")
                .param("id", merchant).query(Long.class).single()).isEqualTo(1);
        // each record names the request that caused it, as the client saw it in X-Request-Id
        List<String> requestIds = jdbc.sql("select request_id from audit_trail where object_id = :id order by sequence nulls last, staged_id")
                .param("id", application).query(String.class).list();
        assertThat(requestIds).doesNotContainNull().allMatch(r -> r.startsWith("req_"));
    }

    @Test
    void aReviewerAsksForMoreAndTheMerchantResubmits() {
        String application = openApplication(registerMerchant());
        completeFile(application);
        api.post("/api/v1/kyb/" + application + "/submit", Map.of());
        JsonNode asked = api.post("/api/v1/kyb/" + application + "/decision",
                Map.of("decision", "REQUEST_INFORMATION", "reason", "articles of association")).body();
        assertThat(asked.get("state").asString()).isEqualTo("MORE_INFORMATION_REQUESTED");
        assertThat(api.post("/api/v1/kyb/" + application + "/documents", Map.of("type", "ARTICLES",
                "contentBase64", Base64.getEncoder().encodeToString("articles".getBytes()))).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/kyb/" + application + "/submit", Map.of()).body().get("state").asString())
                .isEqualTo("IN_REVIEW");
    }

    @Test
    void aRejectedMerchantStaysRejected() {
        String merchant = registerMerchant();
        String application = openApplication(merchant);
        completeFile(application);
        api.post("/api/v1/kyb/" + application + "/submit", Map.of());
        Api.Response noReason = api.post("/api/v1/kyb/" + application + "/decision", Map.of("decision", "REJECT"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(api.post("/api/v1/kyb/" + application + "/decision",
                Map.of("decision", "REJECT", "reason", "licence is forged")).body().get("state").asString()).isEqualTo("REJECTED");
        assertThat(api.get("/api/v1/parties/" + merchant).body().get("status").asString()).isEqualTo("REJECTED");
        Api.Response again = api.post("/api/v1/kyb/" + application + "/decision",
                Map.of("decision", "APPROVE", "riskTier", "LOW"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void aMerchantSuspendedDuringReviewStaysSuspendedWhenItsFileIsApproved() {
        String merchant = registerMerchant();
        String application = openApplication(merchant);
        completeFile(application);
        api.post("/api/v1/kyb/" + application + "/submit", Map.of());
        PartyId id = PartyId.parse(merchant);
        assertThat(parties.suspend(id, "sanctions match confirmed", "user:analyst@finbridge.test")).isTrue();
        assertThat(parties.suspend(id, "again", "user:analyst@finbridge.test")).as("once").isFalse();
        assertThat(parties.suspend(PartyId.parse("pty_" + "0".repeat(32)), "unknown", "user:analyst@finbridge.test")).isFalse();

        assertThat(api.post("/api/v1/kyb/" + application + "/decision", Map.of("decision", "APPROVE", "riskTier", "LOW",
                "reason", "file complete")).body().get("state").asString()).isEqualTo("APPROVED");
        assertThat(api.get("/api/v1/parties/" + merchant).body().get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(jdbc.sql("select action from audit_trail where object_id = :id and action like 'party.%' order by sequence nulls last, staged_id")
                .param("id", merchant).query(String.class).list())
                .containsExactly("party.register", "party.suspend", "party.activate.refused");
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        String application = openApplication(registerMerchant());
        Api.Response early = api.post("/api/v1/kyb/" + application + "/decision", Map.of("decision", "APPROVE", "riskTier", "LOW"));
        assertThat(early.status()).isEqualTo(409);
        Api.Response incomplete = api.post("/api/v1/kyb/" + application + "/submit", Map.of());
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.code()).isEqualTo("KYB_INCOMPLETE");
        assertThat(incomplete.body().get("missing")).hasSize(2);
        assertThat(api.get("/api/v1/kyb/" + application).body().get("state").asString()).isEqualTo("DRAFT");
    }

    @Test
    void badOwnersAndDocumentsAreRefusedAndChangeNothing() {
        String application = openApplication(registerMerchant());
        Map<String, Object> owner = new HashMap<>(Map.of("fullName", "Li Lei", "nationality", "CN", "birthDate", "1980-01-01",
                "documentType", "CN_RESIDENT_ID", "documentNumber", "110105198001010011", "ownershipBasisPoints", 3000));
        Api.Response badId = api.post("/api/v1/kyb/" + application + "/owners", owner);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("errors").get(0).get("field").asString()).isEqualTo("documentNumber");
        owner.put("documentType", "PASSPORT");
        owner.put("documentNumber", "E12345678");
        owner.put("ownershipBasisPoints", 2000);
        assertThat(api.post("/api/v1/kyb/" + application + "/owners", owner).code()).isEqualTo("INVALID_FIELD");
        assertThat(api.post("/api/v1/kyb/" + application + "/documents",
                Map.of("type", "BUSINESS_LICENCE", "contentBase64", "%%%not base64")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/kyb/" + application + "/documents",
                Map.of("type", "BUSINESS_LICENCE", "expiresOn", "2001-01-01",
                        "contentBase64", Base64.getEncoder().encodeToString("x".getBytes()))).status()).isEqualTo(400);
        JsonNode unchanged = api.get("/api/v1/kyb/" + application).body();
        assertThat(unchanged.get("owners")).isEmpty();
        assertThat(unchanged.get("documents")).isEmpty();
    }

    @Test
    void registrationIsRefusedForBadInputAndDuplicates() {
        registerMerchant();
        Api.Response duplicate = api.post("/api/v1/parties", Map.of("kind", "MERCHANT", "country", "CN",
                "legalName", "Another Name Ltd", "identifiers", Map.of("USCC", uscc)));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("DUPLICATE_REGISTRATION");

        String broken = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
        Api.Response badUscc = api.post("/api/v1/parties", Map.of("kind", "MERCHANT", "country", "CN",
                "legalName", "Broken Code Ltd", "identifiers", Map.of("USCC", broken)));
        assertThat(badUscc.status()).isEqualTo(400);
        assertThat(badUscc.body().get("errors").get(0).get("field").asString()).isEqualTo("identifiers.USCC");

        assertThat(api.post("/api/v1/parties", Map.of("kind", "MERCHANT", "country", "CN", "legalName", "No Code Ltd"))
                .code()).isEqualTo("INVALID_FIELD");
        assertThat(api.post("/api/v1/parties", Map.of("kind", "WIZARD", "country", "CN", "legalName", "x")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/parties", Map.of("kind", "BUYER", "country", "XX", "legalName", "x")).code())
                .isEqualTo("INVALID_FIELD");
        assertThat(api.postRaw("/api/v1/parties", "{\"kind\": \"BUYER\",", "application/json").code())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(api.get("/api/v1/parties/pty_00000000000000000000000000000000").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/parties/garbage").status()).isEqualTo(404);
    }

    @Test
    void everyKindOfPartyCanBeRegistered() {
        for (String kind : List.of("BUYER", "MARKETPLACE", "LOGISTICS_PROVIDER", "LENDER", "GUARANTOR",
                "PAYMENT_INSTITUTION", "REGULATOR", "OPERATOR")) {
            Api.Response r = api.post("/api/v1/parties", Map.of("kind", kind, "country", "DE", "legalName", kind + " GmbH"));
            assertThat(r.status()).as(kind).isEqualTo(201);
            assertThat(r.body().get("status").asString()).isEqualTo("ACTIVE");
        }
    }
}
