package org.finbridge.payments.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.finbridge.payments.connector.http.NotificationSignatures.Verdict;
import org.junit.jupiter.api.Test;

class NotificationSignaturesTest {

    private static final String SECRET = "s3cret";
    private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void aSignatureOverTheExactBodyWithinTheToleranceIsValid() {
        String header = NotificationSignatures.sign(SECRET, NOW.getEpochSecond() - 300, BODY);
        assertThat(NotificationSignatures.verify(SECRET, header, BODY, NOW)).isEqualTo(Verdict.VALID);
        assertThat(NotificationSignatures.verify(SECRET, NotificationSignatures.sign(SECRET, NOW.getEpochSecond() + 300, BODY),
                BODY, NOW)).isEqualTo(Verdict.VALID);
    }

    @Test
    void oldOrFutureTimestampsAreStaleBothWays() {
        assertThat(NotificationSignatures.verify(SECRET, NotificationSignatures.sign(SECRET, NOW.getEpochSecond() - 301, BODY),
                BODY, NOW)).isEqualTo(Verdict.STALE);
        assertThat(NotificationSignatures.verify(SECRET, NotificationSignatures.sign(SECRET, NOW.getEpochSecond() + 301, BODY),
                BODY, NOW)).isEqualTo(Verdict.STALE);
    }

    @Test
    void anotherSecretAnotherBodyOrAMangledHeaderIsRefused() {
        String header = NotificationSignatures.sign(SECRET, NOW.getEpochSecond(), BODY);
        assertThat(NotificationSignatures.verify("other", header, BODY, NOW)).isEqualTo(Verdict.MISMATCH);
        assertThat(NotificationSignatures.verify(SECRET, header, "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8), NOW))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(NotificationSignatures.verify(SECRET, null, BODY, NOW)).isEqualTo(Verdict.MALFORMED);
        assertThat(NotificationSignatures.verify(SECRET, "v1=abc", BODY, NOW)).isEqualTo(Verdict.MALFORMED);
        assertThat(NotificationSignatures.verify(SECRET, "t=x,v1=abc", BODY, NOW)).isEqualTo(Verdict.MALFORMED);
    }
}
