package org.finbridge.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentState;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The regulator's API: views, a case from filing to closing, zone policies, and every action audited. */
@ApplicationTest
class RegulatorApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    long audited(String actorLike, String action) {
        return jdbc.sql("select count(*) from audit_trail where action = ? and actor like ?").params(action, actorLike)
                .query(Long.class).single();
    }

    @Test
    void aRegulatorSeesWhoWasPaidInWhichCurrencyAndEveryReadIsAudited() {
        Api regulator = actors.party(PartyKind.REGULATOR).api(port);
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(new PaymentEvent("payment.captured",
                new PaymentId(UUID.randomUUID()), merchant, 1, PaymentState.CAPTURED, 4_200, "GBP", "uk-1", clock.instant())));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        long before = jdbc.sql("select count(*) from audit_trail where action = 'supervision.view.read'").query(Long.class).single();
        Api.Response flows = regulator.get("/api/v1/supervision/flows?from=" + today + "&to=" + today + "&groupBy=MERCHANT");
        assertThat(flows.status()).isEqualTo(200);
        assertThat(flows.body().toString()).contains(merchant.toString()).contains("GBP");
        Api.Response lines = regulator.get("/api/v1/supervision/payments?from=" + today + "&to=" + today + "&merchantId=" + merchant);
        assertThat(lines.body().size()).isEqualTo(1);
        assertThat(lines.body().get(0).get("capturedMinor").asLong()).isEqualTo(4_200);
        long after = jdbc.sql("select count(*) from audit_trail where action = 'supervision.view.read'").query(Long.class).single();
        assertThat(after - before).isGreaterThanOrEqualTo(2);
        // bad input: a clear error, nothing read
        Api.Response backwards = regulator.get("/api/v1/supervision/flows?from=" + today + "&to=" + today.minusDays(1));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("INVALID_REQUEST");
        assertThat(regulator.get("/api/v1/supervision/platform-tax-reports/2026-Q9").status()).isEqualTo(400);
        assertThat(regulator.get("/api/v1/supervision/rules").body().toString()).contains("cn_cbec_import.annual_limit_cny");
    }

    @Test
    void badQuestionsGetClearErrorsAndUnknownObjectsAnswer404() {
        Api regulator = actors.party(PartyKind.REGULATOR).api(port);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        String sup = "/api/v1/supervision";
        long reads = jdbc.sql("select count(*) from audit_trail where action = 'supervision.view.read'").query(Long.class).single();
        assertThat(regulator.get(sup + "/cbec-imports?from=" + today + "&to=" + today.minusDays(1)).status()).isEqualTo(400);
        assertThat(regulator.get(sup + "/cbec-imports?from=" + today + "&to=" + today + "&limit=0").status()).isEqualTo(400);
        assertThat(regulator.get(sup + "/safeguarding?from=" + today.minusYears(2) + "&to=" + today).status()).isEqualTo(400);
        assertThat(regulator.get(sup + "/flows?from=" + today + "&to=" + today + "&groupBy=PLANET").status()).isEqualTo(400);
        Map<String, Object> person = Map.of("documentType", "PASSPORT", "country", "CN", "number", "E12345678", "year", 1999);
        assertThat(regulator.post(sup + "/cbec-quotas/status", person).code()).isEqualTo("INVALID_REQUEST");
        assertThat(regulator.post(sup + "/fx-quotas/status", Map.of("documentType", "PASSPORT", "country", "CN")).status())
                .isEqualTo(400);
        assertThat(regulator.post(sup + "/fx-quotas/status", Map.of("documentType", "PASSPORT", "country", "CN", "number", "E1",
                "year", today.getYear() + 1)).status()).isEqualTo(400);
        Api.Response institution = regulator.get(sup + "/institutions/not-a-party");
        assertThat(institution.status()).isEqualTo(404);
        assertThat(institution.code()).isEqualTo("INSTITUTION_NOT_FOUND");
        assertThat(regulator.get(sup + "/institutions/" + actors.party(PartyKind.PAYMENT_INSTITUTION).partyId()).status()).isEqualTo(404);
        assertThat(regulator.get(sup + "/fx-collections/not-a-uuid").code()).isEqualTo("FX_COLLECTION_NOT_FOUND");
        assertThat(regulator.post(sup + "/fx-collections/" + UUID.randomUUID() + "/review", Map.of("decision", "RELEASE")).status())
                .isEqualTo(404);
        // nothing was read, so nothing was recorded as read
        assertThat(jdbc.sql("select count(*) from audit_trail where action = 'supervision.view.read'").query(Long.class).single())
                .isEqualTo(reads);
        // a person whose quota was never used: all of it remains
        Api.Response unused = regulator.post(sup + "/cbec-quotas/status", Map.of("documentType", "PASSPORT", "country", "CN",
                "number", "E" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(unused.body().get("usedMinor").asLong()).isZero();
        assertThat(unused.body().get("remainingMinor").asLong()).isEqualTo(2_600_000);
    }

    @Test
    void aRegulatorOpensDecidesAndClosesACaseOverTheApi() {
        Api regulator = actors.party(PartyKind.REGULATOR).api(port);
        Api neighbour = actors.party(PartyKind.REGULATOR).api(port);
        PartyId subject = actors.party(PartyKind.MERCHANT).partyId();
        Api.Response filed = regulator.post("/api/v1/supervision/violations", Map.of("subjectId", subject.toString(),
                "ruleCode", "CN_FX_AUTHENTICITY", "description", "collections without logistics records"));
        assertThat(filed.status()).isEqualTo(201);
        String id = filed.body().get("id").asString();
        assertThat(id).startsWith("vio_");
        assertThat(neighbour.get("/api/v1/supervision/violations/" + id).status()).isEqualTo(404);
        String steps = "/api/v1/supervision/violations/" + id + "/steps";
        assertThat(neighbour.post(steps, Map.of("action", "close")).status()).isEqualTo(404);
        Api.Response early = regulator.post(steps, Map.of("action", "remediate", "note", "too early"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("VIOLATION_ILLEGAL_TRANSITION");
        Api.Response noKind = regulator.post(steps, Map.of("action", "decide", "decision", Map.of("fineMinor", 100)));
        assertThat(noKind.status()).isEqualTo(400);
        Api.Response decided = regulator.post(steps, Map.of("action", "decide", "decision", Map.of("kind", "SUSPENSION",
                "until", "2027-06-30", "terms", "no new cross-border collections")));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().get("state").asString()).isEqualTo("DECIDED");
        assertThat(regulator.post(steps, Map.of("action", "remediate", "note", "logistics linked")).status()).isEqualTo(200);
        Api.Response closed = regulator.post(steps, Map.of("action", "close", "note", "done"));
        assertThat(closed.body().get("state").asString()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select count(*) from audit_trail where object_type = 'violation' and object_id = ?")
                .param(TimeOrderedIds.parse("vio", id).toString()).query(Long.class).single()).isEqualTo(5);
        // the platform's operators read every case but decide none
        Api operator = actors.operator().api(port);
        assertThat(operator.get("/api/v1/supervision/violations/" + id).status()).isEqualTo(200);
        assertThat(operator.post("/api/v1/supervision/violations", Map.of("subjectId", subject.toString(), "ruleCode", "X",
                "description", "x")).status()).isEqualTo(403);
    }

    @Test
    void aRegulatorChangesAZonePolicyAndBadPoliciesAreRefused() {
        Api regulator = actors.party(PartyKind.REGULATOR).api(port);
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        String code = "/api/v1/supervision/zones/SZ-" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response v1 = regulator.post(code, Map.of("name", "Shenzhen pilot", "capabilities", List.of("VAT_EXEMPTION_WITHOUT_INVOICE"),
                "limits", Map.of("cn_fx.pilot_single_txn_cap_usd", "80000"), "cohort", List.of(merchant.toString()),
                "startsOn", "2026-01-01"));
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.body().get("version").asInt()).isEqualTo(1);
        Api.Response unknownRule = regulator.post(code, Map.of("name", "Shenzhen pilot", "limits", Map.of("no.such.rule", "1"),
                "startsOn", "2026-01-01"));
        assertThat(unknownRule.status()).isEqualTo(400);
        Api.Response backwards = regulator.post(code, Map.of("name", "Shenzhen pilot", "startsOn", "2026-01-01", "sunsetOn", "2025-01-01"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(regulator.get("/api/v1/supervision/zones").body().toString()).contains("\"version\":1").contains("80000");
        // the zone is this regulator's: another regulator's change answers as for no such zone, and changes nothing
        Api neighbour = actors.party(PartyKind.REGULATOR).api(port);
        long zoneAudits = jdbc.sql("select count(*) from audit_trail where action = 'supervision.pilot_zone.define'").query(Long.class).single();
        Api.Response taken = neighbour.post(code, Map.of("name", "Shenzhen pilot", "startsOn", "2026-01-01"));
        assertThat(taken.status()).isEqualTo(404);
        assertThat(taken.code()).isEqualTo("PILOT_ZONE_NOT_FOUND");
        assertThat(jdbc.sql("select count(*) from audit_trail where action = 'supervision.pilot_zone.define'").query(Long.class).single())
                .isEqualTo(zoneAudits);
        Api.Response read = neighbour.get(code);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("version").asInt()).isEqualTo(1);
        assertThat(regulator.post(code, Map.of("name", "Shenzhen pilot, phase 2", "startsOn", "2026-01-01")).body().get("version").asInt())
                .isEqualTo(2);
        assertThat(neighbour.get("/api/v1/supervision/zones/NO-SUCH-ZONE").status()).isEqualTo(404);
        assertThat(actors.party(PartyKind.MERCHANT).api(port).post(code, Map.of("name", "mine", "startsOn", "2026-01-01")).status())
                .isEqualTo(403);
    }
}
