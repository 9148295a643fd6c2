package org.finbridge.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
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

/** The FX API over real HTTP with merchants' and operators' API keys, and every way a request is refused. */
@ApplicationTest
class FxApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    ReferenceRates rates;

    @Autowired
    Ledger ledger;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    TestActors.Credentials merchant;
    Api api;
    FxFixtures fixtures;

    @BeforeEach
    void setUp() {
        FxTestRates.publishToday(rates, clock);
        merchant = actors.party(PartyKind.MERCHANT);
        api = merchant.api(port);
        fixtures = new FxFixtures(ledger);
    }

    // --- reference rates ----------------------------------------------------------------------------

    @Test
    void usdCnyIsComputedFromTheEcbLineOfThatDay() throws Exception {
        Api.Response r = api.get("/api/v1/fx/reference-rates?base=USD&quote=CNY&date=2024-03-15");
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        assertThat(r.body().get("base").asString()).isEqualTo("USD");
        assertThat(r.body().get("quote").asString()).isEqualTo("CNY");
        assertThat(r.body().get("date").asString()).isEqualTo("2024-03-15");
        assertThat(r.body().get("source").asString()).isEqualTo("ECB");
        BigDecimal rate = new BigDecimal(r.body().get("rate").asString());
        assertThat(rate.precision()).isGreaterThanOrEqualTo(6);
        // by hand from the shipped file: CNY per EUR ÷ USD per EUR on 2024-03-15
        Map<String, BigDecimal> line = ecbLine("2024-03-15");
        BigDecimal expected = line.get("CNY").divide(line.get("USD"), new MathContext(12, RoundingMode.HALF_EVEN));
        assertThat(rate.round(new MathContext(12, RoundingMode.HALF_EVEN))).isEqualByComparingTo(expected);
        assertThat(rate.round(new MathContext(7))).isEqualByComparingTo("7.196107");
    }

    @Test
    void aWeekendAnswersTheFridayFixingAndSaysSo() {
        Api.Response r = api.get("/api/v1/fx/reference-rates?base=EUR&quote=JPY&date=2024-03-17");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("date").asString()).isEqualTo("2024-03-15");
        assertThat(r.body().get("requestedDate").asString()).isEqualTo("2024-03-17");
        assertThat(new BigDecimal(r.body().get("rate").asString())).isEqualByComparingTo("162.03");
    }

    @Test
    void badReferenceRateRequestsAreProblems() {
        assertProblem(api.get("/api/v1/fx/reference-rates?base=XYZ&quote=CNY&date=2024-03-15"), 400, "CURRENCY_UNKNOWN");
        assertProblem(api.get("/api/v1/fx/reference-rates?base=USD&quote=AED&date=2024-03-15"), 400, "CURRENCY_NOT_QUOTED");
        assertProblem(api.get("/api/v1/fx/reference-rates?base=USD&quote=CNY&date=2024-13-45"), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/fx/reference-rates?base=USD&quote=CNY&date=15.03.2024"), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/fx/reference-rates?quote=CNY"), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/fx/reference-rates?base=USD&quote=CNY&date=2005-03-31"), 404, "NO_FIXING");
        assertProblem(api.get("/api/v1/fx/reference-rates?base=USD&quote=CNY&date=2999-01-01"), 400, "INVALID_FIELD");
        assertProblem(new Api(port).get("/api/v1/fx/reference-rates?base=USD&quote=CNY"), 401, "UNAUTHENTICATED");
    }

    // --- quotes ---------------------------------------------------------------------------------------

    private Api.Response ask(Api client, Map<String, Object> body) {
        return client.post("/api/v1/fx/quotes", body);
    }

    private JsonNode quote(Map<String, Object> body) {
        Api.Response r = ask(api, body);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body();
    }

    @Test
    void aMerchantGetsAQuoteWithRatesFeesAndExpiry() {
        JsonNode q = quote(Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "sellAmount", 10_000));
        assertThat(q.get("id").asString()).startsWith("fxq_");
        assertThat(q.get("status").asString()).isEqualTo("OPEN");
        assertThat(q.get("sell").get("amount").asLong()).isEqualTo(10_000);
        assertThat(new BigDecimal(q.get("midRate").asString()).round(new MathContext(7))).isEqualByComparingTo("7.196107");
        // CNY corridor, STANDARD tier: 60 bps
        assertThat(q.get("pricing").get("corridor").asString()).isEqualTo("CNY");
        assertThat(q.get("pricing").get("tier").asString()).isEqualTo("STANDARD");
        assertThat(q.get("pricing").get("spreadBasisPoints").asInt()).isEqualTo(60);
        assertThat(q.get("buy").get("amount").asLong()).isEqualTo(71_529);
        JsonNode fee = q.get("fees").get(0);
        assertThat(fee.get("type").asString()).isEqualTo("FX_SPREAD");
        assertThat(fee.get("amount").asLong()).isEqualTo(432);
        assertThat(fee.get("currency").asString()).isEqualTo("CNY");
        assertThat(q.get("lockSeconds").asLong()).isEqualTo(60);
        assertThat(Duration.between(java.time.Instant.parse(q.get("createdAt").asString()),
                java.time.Instant.parse(q.get("expiresAt").asString()))).isEqualTo(Duration.ofSeconds(60));

        Api.Response read = api.get("/api/v1/fx/quotes/" + q.get("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("clientRate").asString()).isEqualTo(q.get("clientRate").asString());
    }

    @Test
    void badQuoteRequestsAreProblemsAndWriteNothing() {
        long quotes = count("fx_quotes");
        long audit = count("audit_trail");
        assertProblem(ask(api, Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "sellAmount", -1)), 400, "INVALID_FIELD");
        assertProblem(ask(api, Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "buyAmount", 0)), 400, "INVALID_FIELD");
        assertProblem(ask(api, Map.of("sellCurrency", "USD", "buyCurrency", "CNY")), 400, "INVALID_FIELD");
        assertProblem(ask(api, Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "sellAmount", 12.5)), 400, "INVALID_FIELD");
        assertProblem(api.postRaw("/api/v1/fx/quotes", "{\"sellCurrency\":\"USD\",\"buyCurrency\":\"CNY\",\"sellAmount\":"
                + "99999999999999999999999}", "application/json"), 400, "INVALID_FIELD");
        assertProblem(ask(api, Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "sellAmount", 1, "buyAmount", 1)), 400, "INVALID_FIELD");
        assertProblem(ask(api, Map.of("sellCurrency", "XYZ", "buyCurrency", "CNY", "sellAmount", 100)), 400, "CURRENCY_UNKNOWN");
        assertProblem(ask(api, Map.of("sellCurrency", "USD", "buyCurrency", "USD", "sellAmount", 100)), 400, "INVALID_FIELD");
        assertProblem(ask(api, Map.of("sellCurrency", "USD", "buyCurrency", "AED", "sellAmount", 100)), 400, "CURRENCY_NOT_QUOTED");
        Api.Response tooLong = ask(api, Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "sellAmount", 100, "lockSeconds", 86_400));
        assertProblem(tooLong, 400, "LOCK_TOO_LONG");
        assertThat(tooLong.body().get("longestLockSeconds").asLong()).isEqualTo(300);
        assertProblem(ask(api, Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "sellAmount", 100, "lockSeconds", 0)), 400, "INVALID_FIELD");
        assertProblem(api.postRaw("/api/v1/fx/quotes", "{\"sellCurrency\":\"USD\",\"sellAmount\":\"lots\"}", "application/json"),
                400, "MALFORMED_REQUEST");
        assertProblem(ask(api, Map.of("sellCurrency", "JPY", "buyCurrency", "IDR", "sellAmount", 1_000_000_000_000_000_000L)),
                400, "INVALID_FIELD");
        assertThat(count("fx_quotes")).isEqualTo(quotes);
        assertThat(count("audit_trail")).isEqualTo(audit);
    }

    @Test
    void aQuoteBelongsToThePartyThatAskedForIt() {
        String id = quote(Map.of("sellCurrency", "EUR", "buyCurrency", "USD", "sellAmount", 5_000)).get("id").asString();
        Api other = actors.party(PartyKind.MERCHANT).api(port);
        assertProblem(other.get("/api/v1/fx/quotes/" + id), 404, "QUOTE_NOT_FOUND");
        assertProblem(other.post("/api/v1/fx/quotes/" + id + "/execute", Map.of()), 404, "QUOTE_NOT_FOUND");
        assertProblem(api.get("/api/v1/fx/quotes/fxq_00000000000000000000000000000000"), 404, "QUOTE_NOT_FOUND");
        assertProblem(api.get("/api/v1/fx/quotes/not-an-id"), 404, "QUOTE_NOT_FOUND");
        // an operator sees it
        assertThat(actors.operator().api(port).get("/api/v1/fx/quotes/" + id).status()).isEqualTo(200);
    }

    @Test
    void onlyMerchantsWithTheTradeScopeMayQuote() {
        Api readOnly = new Api(port, actors.key(merchant.partyId(), ApiScope.FX_READ));
        assertProblem(ask(readOnly, Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "sellAmount", 100)), 403, "FORBIDDEN");
        Api buyer = actors.party(PartyKind.BUYER).api(port);
        assertProblem(ask(buyer, Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "sellAmount", 100)), 403, "FORBIDDEN");
    }

    // --- execution ------------------------------------------------------------------------------------

    @Test
    void executingConvertsOnceThenAnswersAlreadyUsed() {
        fixtures.fund(merchant.partyId(), "USD", 20_000);
        JsonNode q = quote(Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "buyAmount", 50_000));
        String id = q.get("id").asString();
        Api.Response done = api.post("/api/v1/fx/quotes/" + id + "/execute", Map.of());
        assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(200);
        assertThat(done.body().get("bought").get("amount").asLong()).isEqualTo(50_000);
        assertThat(done.body().get("transferIds")).hasSize(3);
        assertThat(fixtures.balance(merchant.partyId(), "CNY")).isEqualTo(50_000);
        assertThat(fixtures.balance(merchant.partyId(), "USD")).isEqualTo(20_000 - q.get("sell").get("amount").asLong());

        Api.Response again = api.post("/api/v1/fx/quotes/" + id + "/execute", Map.of());
        assertProblem(again, 409, "QUOTE_ALREADY_USED");
        // the retry learns what the first call did
        assertThat(again.body().get("conversion").get("transferIds")).isEqualTo(done.body().get("transferIds"));
        assertThat(api.get("/api/v1/fx/quotes/" + id).body().get("status").asString()).isEqualTo("EXECUTED");
        assertThat(fixtures.balance(merchant.partyId(), "CNY")).isEqualTo(50_000);
    }

    @Test
    void anExpiredQuoteIsRefused() {
        fixtures.fund(merchant.partyId(), "USD", 20_000);
        String id = quote(Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "sellAmount", 10_000, "lockSeconds", 30))
                .get("id").asString();
        clock.advance(Duration.ofSeconds(31));
        assertProblem(api.post("/api/v1/fx/quotes/" + id + "/execute", Map.of()), 422, "QUOTE_EXPIRED");
        assertThat(api.get("/api/v1/fx/quotes/" + id).body().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(fixtures.balance(merchant.partyId(), "USD")).isEqualTo(20_000);
    }

    @Test
    void anInsufficientBalanceIsRefusedAndNothingMoves() {
        fixtures.fund(merchant.partyId(), "GBP", 999);
        String id = quote(Map.of("sellCurrency", "GBP", "buyCurrency", "EUR", "sellAmount", 1_000)).get("id").asString();
        long audit = count("audit_trail");
        assertProblem(api.post("/api/v1/fx/quotes/" + id + "/execute", Map.of()), 422, "INSUFFICIENT_FUNDS");
        assertThat(fixtures.balance(merchant.partyId(), "GBP")).isEqualTo(999);
        assertThat(count("audit_trail")).isEqualTo(audit);
        assertThat(api.get("/api/v1/fx/quotes/" + id).body().get("status").asString()).isEqualTo("OPEN");
    }

    // --- operators --------------------------------------------------------------------------------------

    @Test
    void operatorsSeeExposureAndSetTiers() {
        fixtures.fund(merchant.partyId(), "USD", 10_000);
        String id = quote(Map.of("sellCurrency", "USD", "buyCurrency", "JPY", "sellAmount", 10_000)).get("id").asString();
        assertThat(api.post("/api/v1/fx/quotes/" + id + "/execute", Map.of()).status()).isEqualTo(200);

        Api operator = actors.operator().api(port);
        Api.Response usd = operator.get("/api/v1/fx/exposure?currency=USD");
        assertThat(usd.status()).isEqualTo(200);
        assertThat(usd.body().get(0).get("position").asLong()).isGreaterThanOrEqualTo(10_000);
        List<String> currencies = new java.util.ArrayList<>();
        operator.get("/api/v1/fx/exposure").body().forEach(n -> currencies.add(n.get("currency").asString()));
        assertThat(currencies).contains("USD", "JPY");
        assertProblem(api.get("/api/v1/fx/exposure"), 403, "FORBIDDEN");

        String tiers = "/api/v1/fx/pricing-tiers/" + merchant.partyId();
        assertProblem(api.post(tiers, Map.of("tier", "ENTERPRISE")), 403, "FORBIDDEN");
        assertThat(operator.post(tiers, Map.of("tier", "ENTERPRISE")).status()).isEqualTo(200);
        Api.Response dayLong = ask(api, Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "sellAmount", 100_000, "lockSeconds", 86_400));
        assertThat(dayLong.status()).as(String.valueOf(dayLong.body())).isEqualTo(201);
        assertThat(dayLong.body().get("pricing").get("spreadBasisPoints").asInt()).isEqualTo(24);
        assertThat(dayLong.body().get("pricing").get("lockPremiumBasisPoints").asInt()).isEqualTo(25);
        JsonNode fees = dayLong.body().get("fees");
        assertThat(fees).hasSize(2);
        assertThat(fees.get(1).get("type").asString()).isEqualTo("LOCK_PREMIUM");
        // the lines add up to the spread leg: what the liquidity account pays out beyond the merchant's amount
        long spreadLeg = fees.get(0).get("amount").asLong() + fees.get(1).get("amount").asLong();
        assertThat(spreadLeg).isEqualTo(jdbc.sql("select spread_amount from fx_quotes where id = :id")
                .param("id", org.finbridge.fx.QuoteId.parse(dayLong.body().get("id").asString()).value())
                .query(Long.class).single());
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(status);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(code);
    }

    /** One line of the shipped ECB file as currency → units per EUR. */
    private static Map<String, BigDecimal> ecbLine(String date) throws Exception {
        try (var in = new BufferedReader(new InputStreamReader(
                FxApiTest.class.getResourceAsStream("/reference/fx/eurofxref-hist.csv"), StandardCharsets.US_ASCII))) {
            List<String> header = Arrays.asList(in.readLine().split(","));
            String line = in.lines().filter(l -> l.startsWith(date + ",")).findFirst().orElseThrow();
            String[] cells = line.split(",");
            Map<String, BigDecimal> rates = new java.util.HashMap<>();
            for (int i = 1; i < cells.length; i++) {
                if (!cells[i].equals("N/A")) {
                    rates.put(header.get(i), new BigDecimal(cells[i]));
                }
            }
            return rates;
        }
    }
}
