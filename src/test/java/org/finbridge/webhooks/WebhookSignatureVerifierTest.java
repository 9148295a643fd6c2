package org.finbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A merchant's server checking what it receives: genuine requests pass, everything else is refused. */
class WebhookSignatureVerifierTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final String SECRET = "whsec_currentcurrentcurrentcurrentcurrentcur";
    static final String OLD_SECRET = "whsec_oldoldoldoldoldoldoldoldoldoldoldoldold";
    static final String BODY = "{\"id\":\"pay_1:captured\",\"type\":\"payment.captured\",\"created\":1795773600,\"data\":{\"amount\":1250}}";

    final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(Clock.fixed(NOW, ZoneOffset.UTC));

    static String signed(Instant at, String body, String... secrets) {
        return WebhookSignature.header(at.getEpochSecond(), body.getBytes(StandardCharsets.UTF_8), List.of(secrets));
    }

    @Test
    void aGenuineRequestIsAccepted() {
        SignatureCheck check = verifier.verify(signed(NOW, BODY, SECRET), BODY, SECRET);
        assertThat(check).isEqualTo(new SignatureCheck.Valid(NOW));
        assertThat(check.isValid()).isTrue();
    }

    @Test
    void theHeaderFollowsStripesFormat() {
        assertThat(signed(NOW, BODY, SECRET)).matches("t=" + NOW.getEpochSecond() + ",v1=[0-9a-f]{64}");
        assertThat(signed(NOW, BODY, SECRET, OLD_SECRET)).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
    }

    @Test
    void aKnownVectorMatchesAnIndependentHmac() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(
                mac.doFinal((NOW.getEpochSecond() + "." + BODY).getBytes(StandardCharsets.UTF_8)));
        assertThat(signed(NOW, BODY, SECRET)).isEqualTo("t=" + NOW.getEpochSecond() + ",v1=" + expected);
    }

    @Test
    void aTamperedBodyIsRefused() {
        String header = signed(NOW, BODY, SECRET);
        assertThat(verifier.verify(header, BODY.replace("1250", "9250"), SECRET))
                .isInstanceOf(SignatureCheck.NoMatchingSignature.class);
        assertThat(verifier.verify(header, BODY + " ", SECRET)).isInstanceOf(SignatureCheck.NoMatchingSignature.class);
    }

    @Test
    void aSignatureWithAnotherSecretIsRefused() {
        assertThat(verifier.verify(signed(NOW, BODY, "whsec_someoneelse"), BODY, SECRET))
                .isInstanceOf(SignatureCheck.NoMatchingSignature.class);
    }

    @Test
    void aTimestampMovedAfterSigningIsRefused() {
        String header = signed(NOW, BODY, SECRET).replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() - 1));
        assertThat(verifier.verify(header, BODY, SECRET)).isInstanceOf(SignatureCheck.NoMatchingSignature.class);
    }

    @Test
    void aRequestSigned301SecondsAgoIsARefusedReplay() {
        Instant signedAt = NOW.minusSeconds(301);
        assertThat(verifier.verify(signed(signedAt, BODY, SECRET), BODY, SECRET))
                .isEqualTo(new SignatureCheck.TimestampOutsideTolerance(signedAt));
    }

    @Test
    void aRequestSigned301SecondsInTheFutureIsRefused() {
        Instant signedAt = NOW.plusSeconds(301);
        assertThat(verifier.verify(signed(signedAt, BODY, SECRET), BODY, SECRET))
                .isEqualTo(new SignatureCheck.TimestampOutsideTolerance(signedAt));
    }

    @Test
    void exactly300SecondsEitherWayIsStillAccepted() {
        assertThat(verifier.verify(signed(NOW.minusSeconds(300), BODY, SECRET), BODY, SECRET).isValid()).isTrue();
        assertThat(verifier.verify(signed(NOW.plusSeconds(300), BODY, SECRET), BODY, SECRET).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "garbage",
            "t=1795773600",
            "v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=-5,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=1795773600,v1=00",
            "t=1795773600,v1=zz00000000000000000000000000000000000000000000000000000000000000",
            "t=1795773600,t=1795773600,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=1795773600,v1=0000000000000000000000000000000000000000000000000000000000000000,",
            "t=1795773600;v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=99999999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000",
    })
    void malformedHeadersAreRefused(String header) {
        assertThat(verifier.verify(header, BODY, SECRET)).isInstanceOf(SignatureCheck.Malformed.class);
    }

    @Test
    void aMissingHeaderIsRefused() {
        assertThat(verifier.verify(null, BODY, SECRET)).isInstanceOf(SignatureCheck.Malformed.class);
    }

    @Test
    void unknownSchemesAreIgnoredSoSendersCanAddThem() {
        String header = signed(NOW, BODY, SECRET) + ",v0=legacy,v2=future";
        assertThat(verifier.verify(header, BODY, SECRET).isValid()).isTrue();
        assertThat(verifier.verify("t=" + NOW.getEpochSecond() + ",v0=only-legacy", BODY, SECRET))
                .isInstanceOf(SignatureCheck.Malformed.class);
    }

    @Test
    void duringARotationEitherSecretVerifiesTheDoublySignedRequest() {
        String header = signed(NOW, BODY, SECRET, OLD_SECRET);
        assertThat(verifier.verify(header, BODY, OLD_SECRET).isValid()).as("receiver not yet switched").isTrue();
        assertThat(verifier.verify(header, BODY, SECRET).isValid()).as("receiver already switched").isTrue();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(header, body, List.of(SECRET, OLD_SECRET)).isValid()).isTrue();
        // once the overlap is over the sender signs with the new secret only
        assertThat(verifier.verify(signed(NOW, BODY, SECRET), BODY, OLD_SECRET))
                .isInstanceOf(SignatureCheck.NoMatchingSignature.class);
    }
}
