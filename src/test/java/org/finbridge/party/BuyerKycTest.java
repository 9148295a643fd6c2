package org.finbridge.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.finbridge.support.Api;
import org.finbridge.support.TestActors;
import org.springframework.beans.factory.annotation.Autowired;
import org.finbridge.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Buyers start anonymous with small limits and become verified with a checked identity document. */
@ApplicationTest
class BuyerKycTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    Api api;
    String buyer;

    @BeforeEach
    void setUp() {
        api = new Api(port, actors.operator().key());
        buyer = api.post("/api/v1/parties", Map.of("kind", "BUYER", "country", "CN", "legalName", "Wang Fang"))
                .body().get("id").asString();
    }

    private Api.Response verify(String type, String country, String number) {
        return api.post("/api/v1/parties/" + buyer + "/kyc/verification",
                Map.of("fullName", "Wang Fang", "documentType", type, "documentCountry", country, "documentNumber", number));
    }

    @Test
    void anAnonymousBuyerBecomesVerifiedWithAResidentId() {
        var before = api.get("/api/v1/parties/" + buyer + "/kyc").body();
        assertThat(before.get("tier").asString()).isEqualTo("ANONYMOUS");
        assertThat(before.get("perPaymentLimit").asLong()).isEqualTo(99_999);

        Api.Response verified = verify("CN_RESIDENT_ID", "CN", "11010519491231002x");
        assertThat(verified.status()).as(String.valueOf(verified.body())).isEqualTo(200);
        assertThat(verified.body().get("tier").asString()).isEqualTo("VERIFIED");
        assertThat(api.get("/api/v1/parties/" + buyer + "/kyc").body().get("perPaymentLimit").asLong()).isEqualTo(5_000_000);
    }

    @Test
    void passportsAreCheckedAgainstTheirCountrysFormat() {
        assertThat(verify("PASSPORT", "CN", "E12345678").status()).isEqualTo(200);
        assertThat(verify("PASSPORT", "DE", "C01X00T47").status()).isEqualTo(200);
        assertThat(verify("PASSPORT", "CN", "X12345678").code()).isEqualTo("INVALID_FIELD");
        assertThat(verify("PASSPORT", "GB", "12345").code()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void badDocumentsLeaveTheBuyerAnonymous() {
        Api.Response badId = verify("CN_RESIDENT_ID", "CN", "110105198001010011");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("errors").get(0).get("field").asString()).isEqualTo("documentNumber");
        assertThat(verify("CN_RESIDENT_ID", "US", "11010519491231002X").code()).isEqualTo("INVALID_FIELD");
        assertThat(verify("DRIVING_LICENCE", "CN", "123").code()).isEqualTo("INVALID_FIELD");
        assertThat(verify("PASSPORT", "XX", "E12345678").code()).isEqualTo("INVALID_FIELD");
        assertThat(api.get("/api/v1/parties/" + buyer + "/kyc").body().get("tier").asString()).isEqualTo("ANONYMOUS");
    }

    @Test
    void onlyBuyersHaveATier() {
        String lender = api.post("/api/v1/parties", Map.of("kind", "LENDER", "country", "CN", "legalName", "A Bank"))
                .body().get("id").asString();
        assertThat(api.get("/api/v1/parties/" + lender + "/kyc").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/parties/" + lender + "/kyc/verification", Map.of("fullName", "x",
                "documentType", "PASSPORT", "documentCountry", "CN", "documentNumber", "E12345678")).status()).isEqualTo(404);
    }
}
