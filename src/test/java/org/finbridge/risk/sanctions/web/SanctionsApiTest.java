package org.finbridge.risk.sanctions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.finbridge.party.PartyKind;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The sanctions API as a risk analyst uses it. The lists here are small made-up watch lists with
 * names no other test uses (other tests share this application), never the required OFAC list, so
 * nothing here makes another test's party "clear".
 */
@ApplicationTest
class SanctionsApiTest {

    private static final AtomicInteger LISTS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    JdbcClient jdbc;

    Api operator;
    String list;

    @BeforeEach
    void setUp() {
        operator = actors.operator().api(port);
        list = "TEST-WATCH-" + LISTS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    Api.Response importCsv(String csv, boolean allowShrink) {
        return operator.post("/api/v1/sanctions/lists?format=csv", Map.of("list", list, "fileName", "watch.csv",
                "file", base64(csv), "allowShrink", allowShrink));
    }

    /** A watch list of made-up names; each test uses its own surname, as every test's lists stay in force. */
    static String watchList(String surname) {
        return """
                id,name,type,country,dob,aliases
                ZQ-1,"%1$s, Zebulon",individual,GB,1961-02-03,Zeb %1$s
                ZQ-2,Vexmoor %1$s Shipping LLC,entity,PA,,
                ZQ-3,"Ostrowicz-%1$s, Perpetua",individual,PL,1970,
                """.formatted(surname);
    }

    @Test
    void importsAreVersionsWithDeltasAndAShrinkingListNeedsSaying() {
        String V1 = watchList("Quarrington");
        Api.Response first = importCsv(V1, false);
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(201);
        assertThat(first.body().get("outcome").asString()).isEqualTo("IMPORTED");
        JsonNode v1 = first.body().get("version");
        assertThat(v1.get("entries").asInt()).isEqualTo(3);
        assertThat(v1.get("names").asInt()).isEqualTo(4);
        assertThat(v1.get("added").asInt()).isEqualTo(3);
        assertThat(v1.get("sha256").asString()).hasSize(64);

        assertThat(importCsv(V1, false).body().get("outcome").asString()).isEqualTo("UNCHANGED");

        String v2 = V1.replace("1961-02-03", "1961-02-04") + "ZQ-4,Ilsabet Narrowgate,individual,,,\n";
        JsonNode second = importCsv(v2, false).body().get("version");
        assertThat(second.get("added").asInt()).isEqualTo(1);
        assertThat(second.get("changed").asInt()).isEqualTo(1);
        assertThat(second.get("removed").asInt()).isZero();

        Api.Response shrink = importCsv("id,name\nZQ-1,\"Quarrington, Zebulon\"\n", false);
        assertThat(shrink.status()).isEqualTo(409);
        assertThat(shrink.code()).isEqualTo("LIST_SHRANK");

        JsonNode versions = operator.get("/api/v1/sanctions/lists?list=" + list).body();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("id").asString()).isEqualTo(second.get("id").asString());
        assertThat(versions.get(0).get("current").asBoolean()).isTrue();
        assertThat(versions.get(1).get("current").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_trail where action = 'risk.sanctions.list.import' and object_id = :l")
                .param("l", list).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void brokenFilesAreRefusedAndTheListInForceStays() {
        String V1 = watchList("Pellworthy");
        assertThat(importCsv(V1, false).status()).isEqualTo(201);
        byte[] latin1 = "id,name\nZQ-9,M\u00FCller Vexmoor\n".getBytes(StandardCharsets.ISO_8859_1);
        Api.Response wrongEncoding = operator.post("/api/v1/sanctions/lists?format=csv", Map.of("list", list,
                "file", Base64.getEncoder().encodeToString(latin1)));
        assertThat(wrongEncoding.status()).isEqualTo(422);
        assertThat(wrongEncoding.code()).isEqualTo("MALFORMED_LIST");
        assertThat(wrongEncoding.body().get("detail").asString()).contains("not valid UTF-8");

        Api.Response truncated = operator.post("/api/v1/sanctions/lists?format=un", Map.of("list", list,
                "file", base64("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>ZEB")));
        assertThat(truncated.code()).isEqualTo("MALFORMED_LIST");
        Api.Response ctrlZ = operator.post("/api/v1/sanctions/lists?format=ofac", Map.of("list", list,
                "file", base64("1,\"ZEBULON QUARRINGTON\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001Amore\r\n")));
        assertThat(ctrlZ.code()).isEqualTo("MALFORMED_LIST");
        Api.Response empty = importCsv("id,name\nZQ-1,\nZQ-2,   \n", true);
        assertThat(empty.code()).isEqualTo("EMPTY_LIST");
        assertThat(empty.body().get("detail").asString()).contains("empty name: 2");
        assertThat(operator.post("/api/v1/sanctions/lists", Map.of("list", list, "file", base64(V1))).code())
                .isEqualTo("INVALID_FIELD");

        JsonNode versions = operator.get("/api/v1/sanctions/lists?list=" + list).body();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("current").asBoolean()).isTrue();
        assertThat(screen("Zebulon Pellworthy").get("hits").get(0).get("entryId").asString()).isEqualTo("ZQ-1");
        assertThat(jdbc.sql("select count(*) from audit_trail where action = 'risk.sanctions.list.refuse' and object_id = :l")
                .param("l", list).query(Integer.class).single()).isEqualTo(4);
    }

    JsonNode screen(String name) {
        Api.Response r = operator.post("/api/v1/sanctions/screenings", Map.of("name", name, "type", "individual"));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        return r.body();
    }

    @Test
    void anAnalystScreensANameAdHocWithScoresAndReasons() {
        importCsv(watchList("Haldane"), false);
        JsonNode result = operator.post("/api/v1/sanctions/screenings", Map.of("name", "Perpetua Ostrowicz Haldane",
                "type", "individual", "country", "PL", "dateOfBirth", "1970-05-05")).body();
        assertThat(result.get("outcome").asString()).isEqualTo("SCREENED");
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("entryId").asString()).isEqualTo("ZQ-3");
        assertThat(hit.get("list").asString()).isEqualTo(list);
        assertThat(hit.get("score").decimalValue()).isBetween(new java.math.BigDecimal("0.88"), java.math.BigDecimal.ONE);
        assertThat(hit.get("reasons").toString()).contains("year of birth matches").contains("country matches");
        assertThat(screen("Tobias Wren").get("hits")).isEmpty();
        assertThat(operator.post("/api/v1/sanctions/screenings", Map.of("name", "x", "type", "robot")).code())
                .isEqualTo("INVALID_FIELD");
        Api.Response merchant = actors.party(PartyKind.MERCHANT).api(port).post("/api/v1/sanctions/screenings",
                Map.of("name", "Zebulon Haldane"));
        assertThat(merchant.status()).isEqualTo(403);
    }

    @Test
    void anOwnerOnAListSendsTheApplicationToReviewAndTheDecisionIsRemembered() {
        String V1 = watchList("Tremaynard");
        importCsv(V1, false);
        String merchant = operator.post("/api/v1/parties", Map.of("kind", "MERCHANT", "country", "SG",
                "legalName", "Harbourline Ceramics Pte. Ltd.", "email", "ceramics@example.com")).body().get("id").asString();
        String kyb = operator.post("/api/v1/parties/" + merchant + "/kyb", Map.of("registrationNumber", "201912345K",
                "registeredAddress", "1 Harbour Road, Singapore", "incorporationDate", "2019-04-01",
                "businessDescription", "ceramics")).body().get("id").asString();
        assertThat(operator.post("/api/v1/kyb/" + kyb + "/owners", Map.of("fullName", "Zebulon Tremaynard", "nationality", "CN",
                "birthDate", "1961-02-03", "documentType", "CN_RESIDENT_ID", "documentNumber", "11010519491231002X",
                "ownershipBasisPoints", 6000)).status()).isEqualTo(200);
        operator.post("/api/v1/kyb/" + kyb + "/documents", Map.of("type", "BUSINESS_LICENCE", "number", "L-1",
                "issuer", "ACRA", "fileName", "licence.pdf", "contentType", "application/pdf", "contentBase64", "JVBERi0xLjQK"));

        JsonNode submitted = operator.post("/api/v1/kyb/" + kyb + "/submit", Map.of()).body();
        assertThat(submitted.get("state").asString()).isEqualTo("IN_REVIEW");
        String reason = submitted.get("history").get(3).get("reason").asString();
        assertThat(reason).contains("possible sanctions matches to review").contains("Zebulon Tremaynard").contains(list + " ZQ-1");

        JsonNode open = operator.get("/api/v1/sanctions/hits?status=OPEN&limit=500").body();
        JsonNode hit = null;
        for (JsonNode h : open) {
            if (h.get("subjectRef").asString().equals(merchant)) {
                hit = h;
            }
        }
        assertThat(hit).isNotNull();
        assertThat(hit.get("subjectRole").asString()).isEqualTo("OWNER");
        assertThat(hit.get("entryId").asString()).isEqualTo("ZQ-1");
        String id = hit.get("id").asString();

        Api.Response decided = operator.post("/api/v1/sanctions/hits/" + id + "/decision",
                Map.of("decision", "FALSE_POSITIVE", "note", "different person: other passport"));
        assertThat(decided.status()).as(String.valueOf(decided.body())).isEqualTo(200);
        assertThat(decided.body().get("status").asString()).isEqualTo("FALSE_POSITIVE");
        assertThat(operator.post("/api/v1/sanctions/hits/" + id + "/decision", Map.of("decision", "TRUE_MATCH")).code())
                .isEqualTo("ALREADY_DECIDED");
        assertThat(operator.post("/api/v1/sanctions/hits/hit_" + "0".repeat(32) + "/decision",
                Map.of("decision", "TRUE_MATCH")).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_trail where action = 'risk.sanctions.hit.decide' and object_id = :id")
                .param("id", id).query(Integer.class).single()).isEqualTo(1);

        // screened again: remembered, nothing open for the pair
        JsonNode again = operator.post("/api/v1/sanctions/screenings", Map.of("partyId", merchant)).body();
        assertThat(again.get("outcome").asString()).isEqualTo("UNAVAILABLE");
        assertThat(openHitsOf(merchant)).isZero();

        // the entry changes (a new alias): the pair is raised again
        importCsv(V1.replace("Zeb Tremaynard", "Zeb Tremaynard;Z. T. Marlowe"), false);
        JsonNode raised = operator.post("/api/v1/sanctions/screenings", Map.of("partyId", merchant)).body();
        assertThat(raised.get("outcome").asString()).isEqualTo("POSSIBLE_MATCHES");
        assertThat(openHitsOf(merchant)).isEqualTo(1);
    }

    private int openHitsOf(String party) {
        return jdbc.sql("select count(*) from sanctions_hits where subject_ref = :p and status = 'OPEN'")
                .param("p", party).query(Integer.class).single();
    }
}
