package org.finbridge.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The financing API over HTTP with API keys: a lender publishes a programme, finance funds it, a merchant
 * reads its offer, applies (idempotently), a credit reviewer approves the referral, the merchant accepts and
 * repays, the lender reads its portfolio; bad input answers a clear problem and changes nothing.
 */
@ApplicationTest
class FinancingApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestActors actors;
    @Autowired
    Ledger ledger;
    @Autowired
    Financing financing;
    @Autowired
    java.util.List<org.finbridge.settlement.SettlementSweeps> sweeps;
    @Autowired
    java.time.Clock clock;
    @Autowired
    JdbcClient jdbc;

    long financingAudits() {
        return jdbc.sql("select count(*) from audit_trail where action like 'financing.%'").query(Long.class).single();
    }

    @Test
    void aLenderPublishesAMerchantBorrowsAndRepaysAndTheLenderSeesItsPortfolio() {
        Api operator = actors.operator().api(port);
        FinancingFixtures fx = new FinancingFixtures(operator, actors, ledger, financing, sweeps, clock);
        PartyId merchant = fx.approvedMerchant();
        Api merchantApi = new Api(port, actors.key(merchant, org.finbridge.party.ApiScope.grantableTo(PartyKind.MERCHANT)
                .toArray(org.finbridge.party.ApiScope[]::new)));
        TestActors.Credentials lender = actors.party(PartyKind.LENDER);
        Api lenderApi = lender.api(port);

        Api.Response published = lenderApi.post("/api/v1/financing/programmes", Map.of("name", "Working capital 6m",
                "product", "TERM_LOAN", "currency", "CNY", "annualRate", 0.12, "months", 6, "method", "equal-principal",
                "upfrontFeeBasisPoints", 100, "penaltyRate", 0.18, "servicingFeeBasisPoints", 100,
                "limitsByGrade", Map.of("UNRATED", 2_000_000)));
        assertThat(published.status()).as(String.valueOf(published.body())).isEqualTo(201);
        String programme = published.body().get("id").asString();
        assertThat(operator.post("/api/v1/financing/lenders/" + lender.partyId() + "/funding", Map.of("amount", 3_000_000,
                "currency", "CNY", "reference", "wire-1")).status()).isEqualTo(200);

        JsonNode offers = merchantApi.get("/api/v1/financing/parties/" + merchant + "/offers").body();
        JsonNode offer = null;
        for (JsonNode o : offers) {
            if (o.get("programmeId").asString().equals(programme)) {
                offer = o;
            }
        }
        assertThat(offer).isNotNull();
        assertThat(offer.get("maxPrincipal").asLong()).isEqualTo(2_000_000);

        String key = TimeOrderedIds.next().toString();
        Api.Response applied = merchantApi.with("Idempotency-Key", key).post("/api/v1/financing/loans",
                Map.of("programmeId", programme, "principal", 600_000));
        assertThat(applied.status()).as(String.valueOf(applied.body())).isEqualTo(201);
        String loan = applied.body().get("id").asString();
        assertThat(applied.body().get("state").asString()).isEqualTo("REFERRED");
        assertThat(applied.body().get("apr").decimalValue()).isGreaterThan(new java.math.BigDecimal("0.12"));
        Api.Response again = merchantApi.with("Idempotency-Key", key).post("/api/v1/financing/loans",
                Map.of("programmeId", programme, "principal", 600_000));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(loan);

        // a merchant cannot decide its own referral; a credit reviewer can
        assertThat(merchantApi.post("/api/v1/financing/loans/" + loan + "/decision", Map.of("decision", "APPROVE",
                "reason", "me")).status()).isEqualTo(403);
        Api reviewer = new Api(port, actors.key(actors.operator().partyId(), org.finbridge.party.ApiScope.LOANS_REVIEW,
                org.finbridge.party.ApiScope.LOANS_READ));
        assertThat(reviewer.post("/api/v1/financing/loans/" + loan + "/decision", Map.of("decision", "APPROVE",
                "reason", "twelve months of marketplace sales")).body().get("state").asString()).isEqualTo("APPROVED");

        JsonNode accepted = merchantApi.post("/api/v1/financing/loans/" + loan + "/accept", Map.of()).body();
        assertThat(accepted.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(accepted.get("schedule")).hasSize(6);
        assertThat(accepted.get("outstanding").get("principal").asLong()).isEqualTo(600_000);

        Api.Response repaid = merchantApi.with("Idempotency-Key", "repay-1").post("/api/v1/financing/loans/" + loan + "/repayments",
                Map.of("amount", 100_000));
        assertThat(repaid.status()).as(String.valueOf(repaid.body())).isEqualTo(200);
        assertThat(repaid.body().get("outstanding").get("principal").asLong()).isEqualTo(500_000);

        // bad input: a clear problem, nothing changed
        long audits = financingAudits();
        Api.Response tooMuch = merchantApi.with("Idempotency-Key", "repay-2").post("/api/v1/financing/loans/" + loan + "/repayments",
                Map.of("amount", 10_000_000));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.code()).isEqualTo("INVALID_FIELD");
        assertThat(merchantApi.post("/api/v1/financing/loans/" + loan + "/repayments", Map.of("amount", 1)).code())
                .isEqualTo("INVALID_FIELD");
        assertThat(merchantApi.with("Idempotency-Key", TimeOrderedIds.next().toString()).post("/api/v1/financing/loans",
                Map.of("programmeId", "lpg_nonsense", "principal", 1)).code()).isEqualTo("UNKNOWN_PROGRAMME");
        assertThat(merchantApi.with("Idempotency-Key", TimeOrderedIds.next().toString()).post("/api/v1/financing/loans",
                Map.of("programmeId", programme, "principal", 2_000_000)).code()).isEqualTo("OVER_LIMIT");
        assertThat(lenderApi.post("/api/v1/financing/programmes", Map.of("name", "Usury", "product", "TERM_LOAN",
                "currency", "CNY", "annualRate", 0.30, "months", 6, "limitsByGrade", Map.of("UNRATED", 1_000))).code())
                .isEqualTo("RATE_CAP_EXCEEDED");
        assertThat(lenderApi.post("/api/v1/financing/programmes", Map.of("name", "No limits", "product", "TERM_LOAN",
                "currency", "CNY", "annualRate", 0.10, "months", 6)).code()).isEqualTo("INVALID_FIELD");
        assertThat(lenderApi.post("/api/v1/financing/programmes", Map.of("name", "Odd", "product", "BARTER",
                "currency", "CNY", "annualRate", 0.10, "months", 6)).code()).isEqualTo("INVALID_FIELD");
        assertThat(financingAudits()).isEqualTo(audits);
        JsonNode unchanged = merchantApi.get("/api/v1/financing/loans/" + loan).body();
        assertThat(unchanged.get("outstanding").get("principal").asLong()).isEqualTo(500_000);

        // the lender sees its loan and portfolio; another lender sees neither
        assertThat(lenderApi.get("/api/v1/financing/loans/" + loan).status()).isEqualTo(200);
        JsonNode portfolio = lenderApi.get("/api/v1/financing/lenders/" + lender.partyId() + "/portfolio?currency=CNY").body();
        assertThat(portfolio.get("activeLoans").asInt()).isEqualTo(1);
        assertThat(portfolio.get("outstandingPrincipal").asLong()).isEqualTo(500_000);
        assertThat(portfolio.get("dpdBuckets").get("CURRENT").asLong()).isEqualTo(500_000);
        assertThat(portfolio.get("vintages").get(0).get("cumulativeRepaidBasisPoints").get(0).asInt()).isEqualTo(1_666);
        Api stranger = actors.party(PartyKind.LENDER).api(port);
        assertThat(stranger.get("/api/v1/financing/loans/" + loan).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/financing/lenders/" + lender.partyId() + "/portfolio").status()).isEqualTo(404);
        List<String> lenderLoans = new java.util.ArrayList<>();
        lenderApi.get("/api/v1/financing/loans").body().forEach(l -> lenderLoans.add(l.get("id").asString()));
        assertThat(lenderLoans).containsExactly(loan);
    }
}
