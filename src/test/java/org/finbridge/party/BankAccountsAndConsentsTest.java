package org.finbridge.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.finbridge.support.Api;
import org.finbridge.support.TestActors;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Payout bank accounts (whose holder must be the party) and consents, over HTTP. */
@ApplicationTest
class BankAccountsAndConsentsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    Consents consents;

    Api api;
    String merchant;
    String lender;

    @BeforeEach
    void setUp() {
        api = new Api(port, actors.operator().key());
        merchant = api.post("/api/v1/parties", Map.of("kind", "MERCHANT", "country", "CN",
                "legalName", "Shenzhen Bright Trading Co., Ltd.", "legalNameOriginal", "深圳市光明贸易有限公司",
                "identifiers", Map.of("USCC", TestIdentifiers.uscc()))).body().get("id").asString();
        lender = api.post("/api/v1/parties", Map.of("kind", "LENDER", "country", "CN", "legalName", "Pearl River Bank"))
                .body().get("id").asString();
    }

    @Test
    void anAccountInTheMerchantsOwnNameIsVerifiedAtOnce() {
        Api.Response r = api.post("/api/v1/parties/" + merchant + "/bank-accounts", Map.of("currency", "CNY",
                "country", "CN", "accountNumber", "6222 0212 3456 7890", "cnaps", "102584000002",
                "holderName", "深圳市光明贸易有限公司"));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        assertThat(r.body().get("status").asString()).isEqualTo("VERIFIED");

        Api.Response latin = api.post("/api/v1/parties/" + merchant + "/bank-accounts", Map.of("currency", "EUR",
                "iban", "DE89 3704 0044 0532 0130 00", "bic", "COBADEFFXXX", "holderName", "SHENZHEN BRIGHT TRADING COMPANY LIMITED"));
        assertThat(latin.body().get("status").asString()).isEqualTo("VERIFIED");
        assertThat(latin.body().get("iban").asString()).isEqualTo("DE89370400440532013000");
        assertThat(latin.body().get("country").asString()).isEqualTo("DE");
    }

    @Test
    void aThirdPartysAccountWaitsForAnOperator() {
        Api.Response r = api.post("/api/v1/parties/" + merchant + "/bank-accounts", Map.of("currency", "EUR",
                "iban", "GB82WEST12345698765432", "bic", "NWBKGB2L", "holderName", "Someone Else Ltd"));
        assertThat(r.body().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        String id = r.body().get("id").asString();
        JsonNode queue = api.get("/api/v1/bank-accounts").body();
        assertThat(queue).extracting(a -> a.get("id").asString()).contains(id);
        JsonNode approved = api.post("/api/v1/bank-accounts/" + id + "/decision",
                Map.of("approve", true, "reason", "parent company, contract on file")).body();
        assertThat(approved.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(api.post("/api/v1/bank-accounts/" + id + "/decision", Map.of("approve", false)).code())
                .isEqualTo("BANK_ACCOUNT_NOT_PENDING");
    }

    @Test
    void invalidAccountNumbersAreRefusedAndNothingIsStored() {
        assertThat(api.post("/api/v1/parties/" + merchant + "/bank-accounts", Map.of("currency", "EUR",
                "iban", "DE89370400440532013001", "holderName", "x")).body().get("errors").get(0).get("field").asString())
                .isEqualTo("iban");
        assertThat(api.post("/api/v1/parties/" + merchant + "/bank-accounts", Map.of("currency", "EUR",
                "iban", "DE89370400440532013000", "bic", "COBAXXFF", "holderName", "x")).body().get("errors").get(0)
                .get("field").asString()).isEqualTo("bic");
        assertThat(api.post("/api/v1/parties/" + merchant + "/bank-accounts", Map.of("currency", "EURO",
                "iban", "DE89370400440532013000", "holderName", "x")).code()).isEqualTo("INVALID_FIELD");
        assertThat(api.post("/api/v1/parties/" + merchant + "/bank-accounts", Map.of("currency", "CNY", "country", "CN",
                "accountNumber", "62220212", "cnaps", "12345", "holderName", "x")).code()).isEqualTo("INVALID_FIELD");
        assertThat(api.get("/api/v1/parties/" + merchant + "/bank-accounts").body()).isEmpty();
    }

    @Test
    void aConsentPermitsUntilRevokedOrExpired() {
        Instant expires = clock.instant().plus(Duration.ofDays(30));
        Api.Response granted = api.post("/api/v1/parties/" + merchant + "/consents", Map.of("granteeId", lender,
                "scope", "CREDIT_REPORT", "purpose", "LOAN_APPLICATION", "expiresAt", expires.toString()));
        assertThat(granted.status()).as(String.valueOf(granted.body())).isEqualTo(201);
        assertThat(granted.body().get("receipt").asString()).hasSize(64);
        PartyId subject = PartyId.parse(merchant);
        PartyId grantee = PartyId.parse(lender);
        assertThat(consents.permits(subject, grantee, ConsentScope.CREDIT_REPORT, ConsentPurpose.LOAN_APPLICATION)).isTrue();
        assertThat(consents.permits(subject, grantee, ConsentScope.INCOME_AND_TAX, ConsentPurpose.LOAN_APPLICATION)).isFalse();
        assertThat(consents.permits(subject, grantee, ConsentScope.CREDIT_REPORT, ConsentPurpose.GUARANTEE)).isFalse();
        assertThat(consents.permits(grantee, subject, ConsentScope.CREDIT_REPORT, ConsentPurpose.LOAN_APPLICATION)).isFalse();

        String id = granted.body().get("id").asString();
        // only the subject revokes: to anyone else the consent does not exist
        assertThat(api.post("/api/v1/parties/" + lender + "/consents/" + id + "/revoke", Map.of()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/parties/" + merchant + "/consents/" + id + "/revoke", Map.of()).body()
                .get("revokedAt").isNull()).isFalse();
        assertThat(consents.permits(subject, grantee, ConsentScope.CREDIT_REPORT, ConsentPurpose.LOAN_APPLICATION)).isFalse();

        api.post("/api/v1/parties/" + merchant + "/consents", Map.of("granteeId", lender, "scope", "TRADE_DATA",
                "purpose", "LOAN_MONITORING", "expiresAt", clock.instant().plus(Duration.ofDays(1)).toString()));
        assertThat(consents.permits(subject, grantee, ConsentScope.TRADE_DATA, ConsentPurpose.LOAN_MONITORING)).isTrue();
        clock.advance(Duration.ofDays(1));
        assertThat(consents.permits(subject, grantee, ConsentScope.TRADE_DATA, ConsentPurpose.LOAN_MONITORING)).isFalse();
    }

    @Test
    void consentsWithBadTermsAreRefused() {
        assertThat(api.post("/api/v1/parties/" + merchant + "/consents", Map.of("granteeId", lender, "scope", "CREDIT_REPORT",
                "purpose", "LOAN_APPLICATION", "expiresAt", clock.instant().minusSeconds(1).toString())).code())
                .isEqualTo("INVALID_FIELD");
        assertThat(api.post("/api/v1/parties/" + merchant + "/consents", Map.of("granteeId", lender, "scope", "CREDIT_REPORT",
                "purpose", "LOAN_APPLICATION", "expiresAt", clock.instant().plus(Duration.ofDays(3000)).toString())).code())
                .isEqualTo("INVALID_FIELD");
        assertThat(api.post("/api/v1/parties/" + merchant + "/consents", Map.of("granteeId", merchant, "scope", "CREDIT_REPORT",
                "purpose", "LOAN_APPLICATION", "expiresAt", clock.instant().plusSeconds(60).toString())).code())
                .isEqualTo("INVALID_FIELD");
        assertThat(api.post("/api/v1/parties/" + merchant + "/consents", Map.of("granteeId", lender, "scope", "EVERYTHING",
                "purpose", "LOAN_APPLICATION", "expiresAt", clock.instant().plusSeconds(60).toString())).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/parties/" + merchant + "/consents").body()).isEmpty();
    }
}
