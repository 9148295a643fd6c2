package org.finbridge.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finbridge.credit.internal.CreditModelRegistry;
import org.finbridge.credit.internal.SyntheticMerchants;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.TimeOrderedIds;
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
 * The credit registry over HTTP, as its users meet it: a seller's real trade (payments through the platform,
 * a marketplace's store data) and a lender's repayment record become a score; a lender reads the report only
 * with the seller's consent for the purpose; the seller sees who read it, objects to the wrong record and the
 * lender corrects it; a noticed seller answers and, once listed, appeals; the public checks the dishonesty list
 * and a published grade without an account.
 */
@ApplicationTest
class CreditApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestActors actors;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditModelRegistry registry;
    @Autowired
    DishonestyCases dishonesty;

    @BeforeEach
    void aModelIsActive() {
        if (registry.active(CreditModelRegistry.MERCHANT_SCORECARD).isEmpty()) {
            registry.register(CreditModelRegistry.MERCHANT_SCORECARD, SyntheticMerchants.table(6000, 1),
                    SyntheticMerchants.table(3000, 2), "test");
        }
    }

    @Test
    void aLenderWithConsentReadsAReportExplainedByTheSellersTradeAndTheSellerObjectsToAWrongRecord() {
        Api operator = actors.operator().api(port);
        TestActors.Credentials seller = actors.party(PartyKind.MERCHANT);
        Api sellerApi = seller.api(port);
        PartyId merchant = seller.partyId();
        Api marketplace = actors.party(PartyKind.MARKETPLACE).api(port);
        TestActors.Credentials lender = actors.party(PartyKind.LENDER);
        Api lenderApi = lender.api(port);
        Api otherLender = actors.party(PartyKind.LENDER).api(port);
        String credit = "/api/v1/credit";

        // the seller's trade: five card payments captured through the platform become its sales records
        for (int i = 0; i < 5; i++) {
            Api.Response paid = operator.with("Idempotency-Key", TimeOrderedIds.next().toString()).post("/api/v1/payments",
                    Map.of("merchantId", merchant.toString(), "amount", 12_000 + i, "currency", "EUR", "orderReference",
                            "credit-api-" + i, "method", Map.of("type", "CARD", "card", Map.of("number", "4242424242424242",
                                    "expMonth", 12, "expYear", 2099)), "captureMethod", "AUTOMATIC", "confirm", true));
            assertThat(paid.status()).as(String.valueOf(paid.body())).isEqualTo(201);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> categories(sellerApi.get(credit
                + "/parties/" + merchant + "/records").body()).stream().filter("SALE"::equals).count() == 5);

        // a marketplace reports the store; a lender reports a repayment 45 days overdue, after notifying the seller
        String at = clock.instant().minus(Duration.ofDays(3)).toString();
        assertThat(marketplace.post(credit + "/contributions", Map.of("subjectId", merchant.toString(), "category",
                "STORE_AGE", "sourceRecord", "store-" + merchant, "amount", 30, "occurredAt", at)).status()).isEqualTo(201);
        Api.Response rating = marketplace.post(credit + "/contributions", Map.of("subjectId", merchant.toString(),
                "category", "STORE_RATING", "sourceRecord", "rating-" + merchant, "amount", 4.8, "occurredAt", at));
        assertThat(rating.status()).as(String.valueOf(rating.body())).isEqualTo(201);
        clock.advance(Duration.ofSeconds(1));
        Api.Response overdue = lenderApi.post(credit + "/contributions", Map.of("subjectId", merchant.toString(),
                "category", "REPAYMENT_OVERDUE", "sourceRecord", "loan-" + merchant, "amount", 45, "occurredAt", at,
                "subjectNotifiedAt", at));
        assertThat(overdue.status()).as(String.valueOf(overdue.body())).isEqualTo(201);
        String overdueId = overdue.body().get("id").asString();
        assertThat(overdue.body().get("provider").asString()).isEqualTo(lender.partyId().toString());
        // the same record again is harmless
        assertThat(lenderApi.post(credit + "/contributions", Map.of("subjectId", merchant.toString(),
                "category", "REPAYMENT_OVERDUE", "sourceRecord", "loan-" + merchant, "amount", 45, "occurredAt", at,
                "subjectNotifiedAt", at)).status()).isEqualTo(200);

        // without the seller's consent the lender learns nothing, exactly as for an unknown party
        Api.Response refused = lenderApi.get(credit + "/reports/" + merchant + "?purpose=LOAN_APPLICATION");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(lenderApi.get(credit + "/reports/" + TimeOrderedIds.format("pty", TimeOrderedIds.next())
                + "?purpose=LOAN_APPLICATION").body().get("detail")).isEqualTo(refused.body().get("detail"));
        assertThat(sellerApi.get(credit + "/parties/" + merchant + "/access-log").body()).isEmpty();

        // the seller consents: this lender, credit reports, for a loan application
        Api.Response consent = sellerApi.post("/api/v1/parties/" + merchant + "/consents", Map.of("granteeId",
                lender.partyId().toString(), "scope", "CREDIT_REPORT", "purpose", "LOAN_APPLICATION", "expiresAt",
                clock.instant().plus(Duration.ofDays(90)).toString()));
        assertThat(consent.status()).as(String.valueOf(consent.body())).isEqualTo(201);
        assertThat(lenderApi.get(credit + "/reports/" + merchant + "?purpose=LOAN_MONITORING").status()).isEqualTo(404);
        assertThat(otherLender.get(credit + "/reports/" + merchant + "?purpose=LOAN_APPLICATION").status()).isEqualTo(404);
        assertThat(lenderApi.get(credit + "/reports/" + merchant + "?purpose=CURIOSITY").code()).isEqualTo("INVALID_FIELD");

        Api.Response report = lenderApi.get(credit + "/reports/" + merchant + "?purpose=LOAN_APPLICATION");
        assertThat(report.status()).as(String.valueOf(report.body())).isEqualTo(200);
        JsonNode body = report.body();
        assertThat(body.get("subjectId").asString()).isEqualTo(merchant.toString());
        assertThat(body.get("behaviour").get("SALE").asLong()).isEqualTo(5);
        JsonNode score = body.get("score");
        assertThat(score.isNull()).as("a score: " + body).isFalse();
        assertThat(score.get("modelVersion").asString()).startsWith(CreditModelRegistry.MERCHANT_SCORECARD + ":");
        List<String> reasons = new ArrayList<>();
        score.get("reasons").forEach(r -> reasons.add(r.get("feature").asString()));
        assertThat(reasons).contains("max_days_past_due");
        int pointsBefore = score.get("points").asInt();
        assertThat(body.get("negativeRecords")).hasSize(1);
        assertThat(body.get("negativeRecords").get(0).get("contributionId").asString()).isEqualTo(overdueId);

        // the seller sees who read its report, when and under which consent
        JsonNode log = sellerApi.get(credit + "/parties/" + merchant + "/access-log").body();
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("granteeId").asString()).isEqualTo(lender.partyId().toString());
        assertThat(log.get(0).get("purpose").asString()).isEqualTo("LOAN_APPLICATION");
        assertThat(log.get(0).get("consentId").asString()).isEqualTo(consent.body().get("id").asString());
        assertThat(audits("credit.report.issue", merchant)).isEqualTo(1);

        // the record is wrong (the instalment was paid): the seller explains and objects
        assertThat(sellerApi.post(credit + "/parties/" + merchant + "/statements", Map.of("contributionId", overdueId,
                "text", "Paid on the due date to the lender's old account.")).status()).isEqualTo(201);
        Api.Response objected = sellerApi.post(credit + "/parties/" + merchant + "/objections", Map.of("contributionId",
                overdueId, "reason", "Paid on time; bank receipt 2026-11-01."));
        assertThat(objected.status()).as(String.valueOf(objected.body())).isEqualTo(201);
        String objection = objected.body().get("id").asString();
        assertThat(Duration.between(Instant.parse(objected.body().get("raisedAt").asString()),
                Instant.parse(objected.body().get("dueBy").asString()))).isEqualTo(Duration.ofDays(20));
        assertThat(sellerApi.post(credit + "/parties/" + merchant + "/objections", Map.of("contributionId", overdueId,
                "reason", "again")).code()).isEqualTo("RECORD_ALREADY_DISPUTED");
        JsonNode during = lenderApi.get(credit + "/reports/" + merchant + "?purpose=LOAN_APPLICATION").body();
        assertThat(during.get("negativeRecords").get(0).get("disputed").asBoolean()).isTrue();
        assertThat(during.get("objectionsInProgress")).hasSize(1);

        // the lender finds it in its queue and verifies; another lender cannot answer it
        List<String> queue = new ArrayList<>();
        lenderApi.get(credit + "/objections?state=OPEN").body().forEach(o -> queue.add(o.get("id").asString()));
        assertThat(queue).contains(objection);
        assertThat(otherLender.post(credit + "/objections/" + objection + "/answer", Map.of("decision", "KEEP",
                "reasons", "not mine")).status()).isEqualTo(404);
        assertThat(lenderApi.post(credit + "/objections/" + objection + "/answer", Map.of("decision", "MAYBE",
                "reasons", "x")).code()).isEqualTo("INVALID_FIELD");
        clock.advance(Duration.ofDays(3));
        Api.Response answered = lenderApi.post(credit + "/objections/" + objection + "/answer", Map.of("decision", "CORRECT",
                "reasons", "The payment reached our old account on the due date; the overdue record is withdrawn."));
        assertThat(answered.status()).as(String.valueOf(answered.body())).isEqualTo(200);
        assertThat(answered.body().get("state").asString()).isEqualTo("CORRECTED");
        assertThat(lenderApi.post(credit + "/objections/" + objection + "/answer", Map.of("decision", "KEEP",
                "reasons", "again")).code()).isEqualTo("OBJECTION_ANSWERED");

        JsonNode seen = sellerApi.get(credit + "/parties/" + merchant + "/objections").body();
        assertThat(seen.get(0).get("state").asString()).isEqualTo("CORRECTED");
        assertThat(seen.get(0).get("answer").asString()).contains("withdrawn");
        JsonNode after = lenderApi.get(credit + "/reports/" + merchant + "?purpose=LOAN_APPLICATION").body();
        assertThat(after.get("negativeRecords")).isEmpty();
        List<String> reasonsAfter = new ArrayList<>();
        after.get("score").get("reasons").forEach(r -> reasonsAfter.add(r.get("feature").asString()));
        assertThat(reasonsAfter).doesNotContain("max_days_past_due");
        assertThat(after.get("score").get("points").asInt()).isGreaterThan(pointsBefore);
        assertThat(audits("credit.objection.answer", null)).isPositive();

        // the seller revokes its consent: no more reports
        assertThat(sellerApi.post("/api/v1/parties/" + merchant + "/consents/" + consent.body().get("id").asString()
                + "/revoke", Map.of()).status()).isEqualTo(200);
        assertThat(lenderApi.get(credit + "/reports/" + merchant + "?purpose=LOAN_APPLICATION").status()).isEqualTo(404);
        assertThat(sellerApi.get(credit + "/parties/" + merchant + "/access-log").body()).hasSize(3);

        // its own report, as the subject
        JsonNode own = sellerApi.get(credit + "/parties/" + merchant + "/report").body();
        assertThat(own.get("score").get("points").asInt()).isEqualTo(after.get("score").get("points").asInt());
    }

    @Test
    void providersAreRefusedProhibitedDataAndNegativeRecordsWithoutNoticeAndNothingIsStored() {
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        Api lender = actors.party(PartyKind.LENDER).api(port);
        String at = clock.instant().minus(Duration.ofDays(1)).toString();
        String url = "/api/v1/credit/contributions";

        Api.Response blood = lender.post(url, Map.of("subjectId", merchant.toString(), "category", "SALE",
                "sourceRecord", "s-1", "amount", 1, "occurredAt", at, "bloodType", "AB"));
        assertThat(blood.status()).isEqualTo(422);
        assertThat(blood.code()).isEqualTo("PROHIBITED_DATA");
        assertThat(lender.post(url, Map.of("subjectId", merchant.toString(), "category", "SALE", "sourceRecord", "s-2",
                "amount", 1, "occurredAt", at, "attributes", Map.of("note", "genetic marker 7"))).code())
                .isEqualTo("PROHIBITED_DATA");
        assertThat(lender.post(url, Map.of("subjectId", merchant.toString(), "category", "REPAYMENT_OVERDUE",
                "sourceRecord", "s-3", "amount", 30, "occurredAt", at)).code()).isEqualTo("NOTICE_REQUIRED");
        assertThat(lender.post(url, Map.of("subjectId", merchant.toString(), "category", "INCOME",
                "sourceRecord", "s-4", "amount", 30, "occurredAt", at)).code()).isEqualTo("CONSENT_REQUIRED");
        assertThat(lender.post(url, Map.of("subjectId", merchant.toString(), "category", "GOSSIP",
                "sourceRecord", "s-5", "amount", 1, "occurredAt", at)).code()).isEqualTo("INVALID_FIELD");
        assertThat(lender.post(url, Map.of("subjectId", merchant.toString(), "category", "SALE",
                "sourceRecord", "s-6", "amount", 1, "occurredAt", "yesterday")).code()).isEqualTo("INVALID_FIELD");
        assertThat(lender.post(url, Map.of("subjectId", merchant.toString(), "category", "SALE",
                "sourceRecord", "s-7", "amount", 1, "occurredAt", clock.instant().plus(Duration.ofDays(1)).toString()))
                .code()).isEqualTo("INVALID_FIELD");
        assertThat(lender.post(url, Map.of("subjectId", TimeOrderedIds.format("pty", TimeOrderedIds.next()),
                "category", "SALE", "sourceRecord", "s-8", "amount", 1, "occurredAt", at)).code()).isEqualTo("UNKNOWN_SUBJECT");
        assertThat(jdbc.sql("select count(*) from credit_contributions where subject_id = :s").param("s", merchant.value())
                .query(Long.class).single()).isZero();
        // a merchant is a subject, not a provider
        Api seller = new Api(port, actors.key(merchant, org.finbridge.party.ApiScope.grantableTo(PartyKind.MERCHANT)
                .toArray(org.finbridge.party.ApiScope[]::new)));
        assertThat(seller.post(url, Map.of("subjectId", merchant.toString(), "category", "SALE", "sourceRecord", "s-9",
                "amount", 1, "occurredAt", at)).status()).isEqualTo(403);
    }

    @Test
    void anyoneChecksTheDishonestyListAndPublishedGradesWithoutAnAccount() {
        Api anonymous = new Api(port);
        TestActors.Credentials seller = actors.party(PartyKind.MERCHANT);
        PartyId merchant = seller.partyId();
        String name = jdbc.sql("select legal_name from parties where id = :p").param("p", merchant.value())
                .query(String.class).single();

        // a grade is public only once the seller publishes it, and only once it has a score
        Api lender = actors.party(PartyKind.LENDER).api(port);
        String at = clock.instant().minus(Duration.ofDays(1)).toString();
        assertThat(lender.post("/api/v1/credit/contributions", Map.of("subjectId", merchant.toString(), "category",
                "REPAYMENT_ON_TIME", "sourceRecord", "instalment-1", "amount", 1, "occurredAt", at)).status()).isEqualTo(201);
        assertThat(anonymous.get("/public/v1/credit/grades/" + merchant).status()).isEqualTo(404);
        Api.Response published = seller.api(port).post("/api/v1/credit/parties/" + merchant + "/grade-publication",
                Map.of("published", true));
        assertThat(published.status()).as(String.valueOf(published.body())).isEqualTo(200);
        Api.Response grade = anonymous.get("/public/v1/credit/grades/" + merchant);
        assertThat(grade.status()).as(String.valueOf(grade.body())).isEqualTo(200);
        assertThat(grade.body().get("grade").asString()).isIn("A", "B", "C", "D");
        assertThat(grade.body().has("points")).isFalse();
        assertThat(anonymous.get("/public/v1/credit/grades/not-an-id").status()).isEqualTo(404);
        assertThat(seller.api(port).post("/api/v1/credit/parties/" + merchant + "/grade-publication",
                Map.of("published", false)).status()).isEqualTo(200);
        assertThat(anonymous.get("/public/v1/credit/grades/" + merchant).status()).isEqualTo(404);

        // listed only after the notice has run its course; then found by name, by anyone
        assertThat(anonymous.get("/public/v1/credit/dishonesty-list?q=x").code()).isEqualTo("INVALID_FIELD");
        ListingCase noticed = ((ListingResult.Done) dishonesty.notice(merchant, ListingPolicy.LOAN_90_DAYS_OVERDUE_AFTER_FINAL_NOTICE,
                "loan 95 days overdue after a final notice", "loan file 7", "user:ops")).listingCase();
        assertThat(anonymous.get("/public/v1/credit/dishonesty-list?q=" + enc(name)).body().get("listings")).isEmpty();
        // the seller answers the notice within its window, and sees its case
        Api sellerApi = seller.api(port);
        String cases = "/api/v1/credit/parties/" + merchant + "/listing-cases";
        Api.Response responded = sellerApi.post(cases + "/" + noticed.id() + "/response",
                Map.of("response", "The loan was restructured; agreement attached."));
        assertThat(responded.status()).as(String.valueOf(responded.body())).isEqualTo(200);
        assertThat(sellerApi.get(cases).body().get(0).get("subjectResponse").asString()).contains("restructured");
        assertThat(sellerApi.post(cases + "/" + noticed.id() + "/appeal", Map.of("grounds", "too early")).code())
                .isEqualTo("NOT_ALLOWED_NOW");
        Api other = actors.party(PartyKind.MERCHANT).api(port);
        assertThat(other.post(cases + "/" + noticed.id() + "/response", Map.of("response", "x")).status()).isEqualTo(404);
        clock.advance(Duration.ofDays(16));
        assertThat(dishonesty.impose(noticed.id(), ListingPolicy.Measure.LISTING, "no response, still unpaid", "user:ops"))
                .isInstanceOf(ListingResult.Done.class);
        Api.Response found = anonymous.get("/public/v1/credit/dishonesty-list?q=" + enc(name));
        assertThat(found.status()).isEqualTo(200);
        List<JsonNode> listings = new ArrayList<>();
        found.body().get("listings").forEach(l -> {
            if (l.get("partyId").asString().equals(merchant.toString())) {
                listings.add(l);
            }
        });
        assertThat(listings).singleElement().satisfies(l -> assertThat(l.get("policy").asString())
                .isEqualTo("LOAN_90_DAYS_OVERDUE_AFTER_FINAL_NOTICE"));

        // listed, the seller appeals; a person decides
        Api.Response appealed = sellerApi.post(cases + "/" + noticed.id() + "/appeal",
                Map.of("grounds", "The restructuring agreement was ignored."));
        assertThat(appealed.status()).as(String.valueOf(appealed.body())).isEqualTo(200);
        assertThat(appealed.body().get("state").asString()).isEqualTo("APPEALED");
        assertThat(dishonesty.decideAppeal(noticed.id(), true, "agreement verified", "user:reviewer@example.com"))
                .isInstanceOf(ListingResult.Done.class);
        assertThat(anonymous.get("/public/v1/credit/dishonesty-list?q=" + enc(name)).body().get("listings").toString())
                .doesNotContain(merchant.toString());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private long audits(String action, PartyId object) {
        return jdbc.sql("select count(*) from audit_trail where action = :a" + (object == null ? "" : " and object_id = :o"))
                .param("a", action).params(object == null ? Map.of() : Map.of("o", object.toString()))
                .query(Long.class).single();
    }

    private static List<String> categories(JsonNode records) {
        List<String> categories = new ArrayList<>();
        records.forEach(r -> categories.add(r.get("category").asString()));
        return categories;
    }
}
