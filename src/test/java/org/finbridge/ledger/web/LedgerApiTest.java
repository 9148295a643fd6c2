package org.finbridge.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.support.Api;
import org.finbridge.support.TestActors;
import org.finbridge.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The ledger's HTTP contract, over a real socket: good requests answer what they did, bad input
 * answers a problem document with a stable code and changes nothing.
 */
@ApplicationTest
class LedgerApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    LedgerInvariants invariants;

    Api api;
    String bank;
    String wallet;
    String usd;

    @BeforeEach
    void setUp() {
        api = new Api(port, actors.operator().key());
        bank = open("EUR", "BANK", List.of());
        wallet = open("EUR", "CUSTOMER", List.of("DEBITS_MUST_NOT_EXCEED_CREDITS", "HISTORY"));
        usd = open("USD", "CUSTOMER", List.of());
        Api.Response funded = api.post("/api/v1/ledger/transfers",
                Map.of("transfers", List.of(transfer(bank, wallet, 5_000, "EUR"))));
        assertThat(funded.status()).isEqualTo(200);
        assertThat(funded.body().get("results").get(0).get("result").asString()).isEqualTo("OK");
    }

    private String open(String currency, String type, List<String> flags) {
        Api.Response r = api.post("/api/v1/ledger/accounts", Map.of("currency", currency, "type", type, "flags", flags));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.raw().headers().firstValue("Location")).isPresent();
        return r.body().get("id").asString();
    }

    private static Map<String, Object> transfer(String debit, String credit, long amount, String currency) {
        return Map.of("id", "tr_" + UUID.randomUUID().toString().replace("-", ""), "debitAccountId", debit,
                "creditAccountId", credit, "amount", amount, "currency", currency, "code", "TEST");
    }

    private long transfersOf(String account) {
        return api.get("/api/v1/ledger/accounts/" + account + "/transfers?limit=1000").body().get("items").size();
    }

    private void assertRefused(Object body, int status, String code) {
        long before = transfersOf(wallet) + transfersOf(bank);
        Api.Response r = api.post("/api/v1/ledger/transfers", body);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(status);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.body().get("requestId").asString()).isEqualTo(r.raw().headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(transfersOf(wallet) + transfersOf(bank)).as("nothing written").isEqualTo(before);
        assertThat(invariants.sweep().isClean()).isTrue();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void openingAccountsAndMovingMoneyByHandNameTheActorInTheAuditLog() {
        String operatorKey = "key:" + actors.operator().key().substring(0, 16);
        Map<String, Object> opened = jdbc.sql("select actor, role, action from audit_trail where object_id = :id")
                .param("id", wallet).query().singleRow();
        assertThat(opened).containsEntry("actor", operatorKey).containsEntry("role", "API_KEY:OPERATOR")
                .containsEntry("action", "ledger.account.create");
        Map<String, Object> moved = jdbc.sql("""
                select actor, after_summary from audit_trail where action = 'ledger.transfer.create'
                order by sequence desc nulls first, staged_id desc fetch first 1 rows only""").query().singleRow();
        assertThat(moved.get("actor")).isEqualTo(operatorKey);
        assertThat((String) moved.get("after_summary")).startsWith("1 transfers: tr_");
    }

    @Test
    void anAccountShowsItsBalancesTransfersAndHistory() {
        JsonNode account = api.get("/api/v1/ledger/accounts/" + wallet).body();
        assertThat(account.get("creditsPosted").asLong()).isEqualTo(5_000);
        assertThat(account.get("availableCreditBalance").asLong()).isEqualTo(5_000);
        JsonNode page = api.get("/api/v1/ledger/accounts/" + wallet + "/transfers").body();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("id").asString()).startsWith("tr_");
        JsonNode history = api.get("/api/v1/ledger/accounts/" + wallet + "/balances").body();
        assertThat(history.get("items").get(0).get("creditsPosted").asLong()).isEqualTo(5_000);
    }

    @Test
    void transfersPageWithACursor() {
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(transfer(bank, wallet, 1, "EUR"));
        }
        assertThat(api.post("/api/v1/ledger/transfers", Map.of("transfers", batch)).status()).isEqualTo(200);
        int seen = 0;
        String cursor = "";
        do {
            JsonNode page = api.get("/api/v1/ledger/accounts/" + wallet + "/transfers?limit=10&cursor=" + cursor).body();
            seen += page.get("items").size();
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(seen).isEqualTo(26);
    }

    @Test
    void resubmittingATransferAnswersExistsAndChangesNothing() {
        Map<String, Object> t = transfer(bank, wallet, 700, "EUR");
        assertThat(api.post("/api/v1/ledger/transfers", Map.of("transfers", List.of(t))).status()).isEqualTo(200);
        Api.Response again = api.post("/api/v1/ledger/transfers", Map.of("transfers", List.of(t)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("results").get(0).get("result").asString()).isEqualTo("EXISTS");
        assertThat(api.get("/api/v1/ledger/accounts/" + wallet).body().get("creditsPosted").asLong()).isEqualTo(5_700);
    }

    @Test
    void anUnknownAccountIsRefused() {
        String ghost = "acc_" + UUID.randomUUID().toString().replace("-", "");
        assertRefused(Map.of("transfers", List.of(transfer(ghost, wallet, 10, "EUR"))), 422, "DEBIT_ACCOUNT_NOT_FOUND");
        assertRefused(Map.of("transfers", List.of(transfer(wallet, ghost, 10, "EUR"))), 422, "CREDIT_ACCOUNT_NOT_FOUND");
        assertThat(api.get("/api/v1/ledger/accounts/" + ghost).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/ledger/accounts/not-an-id").code()).isEqualTo("ACCOUNT_NOT_FOUND");
    }

    @Test
    void mixingCurrenciesIsRefused() {
        assertRefused(Map.of("transfers", List.of(transfer(wallet, usd, 10, "EUR"))), 422, "CURRENCIES_MUST_MATCH");
        assertRefused(Map.of("transfers", List.of(transfer(bank, wallet, 10, "USD"))), 422, "CURRENCIES_MUST_MATCH");
        assertRefused(Map.of("transfers", List.of(transfer(bank, wallet, 10, "XYZ"))), 422, "CURRENCY_UNKNOWN");
    }

    @Test
    void nonPositiveAndOverflowingAmountsAreRefused() {
        assertRefused(Map.of("transfers", List.of(transfer(bank, wallet, 0, "EUR"))), 422, "AMOUNT_MUST_BE_POSITIVE");
        assertRefused(Map.of("transfers", List.of(transfer(bank, wallet, -5, "EUR"))), 422, "AMOUNT_MUST_BE_POSITIVE");
        assertRefused(Map.of("transfers", List.of(transfer(bank, wallet, Long.MAX_VALUE, "EUR"))), 422, "OVERFLOWS_DEBITS");
        String tooBig = """
                {"transfers":[{"id":"tr_%s","debitAccountId":"%s","creditAccountId":"%s",
                 "amount":92233720368547758070,"currency":"EUR","code":"TEST"}]}"""
                .formatted(UUID.randomUUID().toString().replace("-", ""), bank, wallet);
        assertRefused(tooBig, 400, "MALFORMED_REQUEST");
    }

    @Test
    void theSameAccountOnBothSidesIsRefused() {
        assertRefused(Map.of("transfers", List.of(transfer(wallet, wallet, 10, "EUR"))), 422, "ACCOUNTS_MUST_BE_DIFFERENT");
    }

    @Test
    void overdraftIsRefused() {
        assertRefused(Map.of("transfers", List.of(transfer(wallet, bank, 5_001, "EUR"))), 422, "EXCEEDS_CREDITS");
    }

    @Test
    void malformedJsonIsRefused() {
        long before = transfersOf(wallet);
        Api.Response r = api.postRaw("/api/v1/ledger/transfers", "{\"transfers\": [ {", "application/json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("MALFORMED_REQUEST");
        assertRefused("{\"transfers\": [{\"id\": 42, \"flags\": [\"NOT_A_FLAG\"]}]}", 400, "MALFORMED_REQUEST");
        assertRefused("{\"transfers\": [{\"id\": \"tr_nothex\", \"code\": \"TEST\"}]}", 400, "INVALID_REQUEST");
        assertThat(transfersOf(wallet)).isEqualTo(before);
    }

    @Test
    void oversizedAndEmptyBatchesAreRefused() {
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 8191; i++) {
            batch.add(transfer(bank, wallet, 1, "EUR"));
        }
        assertRefused(Map.of("transfers", batch), 413, "BATCH_TOO_LARGE");
        assertRefused(Map.of("transfers", List.of()), 400, "BATCH_EMPTY");
    }

    @Test
    void aBodyAboveTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/ledger/transfers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000000\r\nConnection: close\r\n\r\n{\"transfers\":[").getBytes());
            out.flush();
            // read the answer without waiting for the connection to close: the server answers at once
            var in = new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8);
            StringBuilder answer = new StringBuilder();
            char[] buffer = new char[1024];
            int n;
            while (!answer.toString().contains("PAYLOAD_TOO_LARGE") && (n = in.read(buffer)) > 0) {
                answer.append(buffer, 0, n);
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE");
        }
        assertThat(invariants.sweep().isClean()).isTrue();
    }

    @Test
    void aFailingTransferInALinkedChainTakesTheWholeChainWithIt() {
        Map<String, Object> first = new java.util.HashMap<>(transfer(bank, wallet, 100, "EUR"));
        first.put("flags", List.of("LINKED"));
        Map<String, Object> second = transfer(wallet, bank, 1_000_000, "EUR");
        long before = transfersOf(wallet);
        Api.Response r = api.post("/api/v1/ledger/transfers", Map.of("transfers", List.of(first, second)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("TRANSFERS_REFUSED");
        assertThat(r.body().get("results").get(0).get("result").asString()).isEqualTo("LINKED_EVENT_FAILED");
        assertThat(r.body().get("results").get(1).get("result").asString()).isEqualTo("EXCEEDS_CREDITS");
        assertThat(transfersOf(wallet)).isEqualTo(before);
    }

    @Test
    void accountsAreRefusedForBadInput() {
        assertThat(api.post("/api/v1/ledger/accounts", Map.of("currency", "ZZZ", "type", "BANK")).code())
                .isEqualTo("CURRENCY_UNKNOWN");
        Api.Response invalid = api.post("/api/v1/ledger/accounts", Map.of("currency", "EURO", "type", "bad type"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.body().get("errors")).hasSize(2);
        assertThat(api.post("/api/v1/ledger/accounts", Map.of("currency", "EUR", "type", "BANK",
                "flags", List.of("DEBITS_MUST_NOT_EXCEED_CREDITS", "CREDITS_MUST_NOT_EXCEED_DEBITS"))).code())
                .isEqualTo("FLAGS_ARE_MUTUALLY_EXCLUSIVE");
        assertThat(api.post("/api/v1/ledger/accounts", Map.of("id", wallet, "currency", "EUR", "type", "BANK")).code())
                .isEqualTo("EXISTS_WITH_DIFFERENT_FIELDS");
    }

    @Test
    void answersCarrySecurityHeadersAndForeignOriginsAreNotAllowed() throws Exception {
        var headers = api.get("/api/v1/ledger/accounts/" + wallet).raw().headers();
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        var preflight = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/ledger/transfers"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void healthMetricsAndApiDocsAreServed() {
        JsonNode health = api.get("/actuator/health").body();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/prometheus").raw().body()).contains("finbridge_ledger_batch_transfers");
        JsonNode docs = api.get("/v3/api-docs").body();
        assertThat(docs.get("paths").has("/api/v1/ledger/transfers")).isTrue();
    }
}
