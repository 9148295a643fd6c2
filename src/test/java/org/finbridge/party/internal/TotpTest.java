package org.finbridge.party.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B test vectors (SHA-1, 8 digits), and the rules around them. */
class TotpTest {

    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238TestVectors() {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109)), 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111111)), 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890)), 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(2000000000)), 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(20000000000L)), 8)).isEqualTo("65353130");
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.fromBase32("MZXW6YTBOI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        String secret = Totp.newSecret(new SecureRandom());
        assertThat(secret).hasSize(32);
        assertThat(Totp.base32(Totp.fromBase32(secret))).isEqualTo(secret);
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNeverTwice() {
        String secret = Totp.base32(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        String current = Totp.code(RFC_KEY, step, 6);
        assertThat(Totp.matchingStep(secret, current, now, 0)).isEqualTo(step);
        assertThat(Totp.matchingStep(secret, Totp.code(RFC_KEY, step - 1, 6), now, 0)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(RFC_KEY, step + 1, 6), now, 0)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(RFC_KEY, step - 2, 6), now, 0)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, current, now, step)).as("replay").isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, "12345", now, 0)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, null, now, 0)).isEqualTo(-1);
    }
}
