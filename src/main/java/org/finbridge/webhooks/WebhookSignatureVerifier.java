package org.finbridge.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a {@value WebhookSignature#HEADER} header against the raw request body, as a receiver
 * (a merchant's server, or our tests) does before trusting an event. Plain Java: copy it or depend on
 * it without the rest of the platform.
 *
 * <p>Refuses timestamps more than the tolerance (300 s, as Stripe) in the past <em>or</em> the future:
 * the past bound stops replays of captured requests, the future bound stops a forged timestamp from
 * keeping a request replayable. Signatures are compared in constant time ({@link MessageDigest#isEqual})
 * against every secret, so the time taken does not tell an attacker how much of a guess was right.
 */
public final class WebhookSignatureVerifier {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    /** Bounds the work one header can cause. */
    static final int MAX_HEADER_LENGTH = 2048;
    static final int MAX_SIGNATURES = 8;
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Clock clock;
    private final long toleranceSeconds;

    public WebhookSignatureVerifier(Clock clock) {
        this(clock, DEFAULT_TOLERANCE);
    }

    public WebhookSignatureVerifier(Clock clock, Duration tolerance) {
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        this.clock = clock;
        this.toleranceSeconds = tolerance.toSeconds();
    }

    public SignatureCheck verify(String header, String body, String secret) {
        return verify(header, body.getBytes(StandardCharsets.UTF_8), List.of(secret));
    }

    /** @param secrets every secret the receiver currently accepts (two while it rotates) */
    public SignatureCheck verify(String header, byte[] body, List<String> secrets) {
        if (header == null || header.isBlank()) {
            return new SignatureCheck.Malformed("no signature header");
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            return new SignatureCheck.Malformed("signature header too long");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String element : header.split(",", -1)) {
            int eq = element.indexOf('=');
            if (eq <= 0) {
                return new SignatureCheck.Malformed("element without name=value: " + element.strip());
            }
            String name = element.substring(0, eq).strip();
            String value = element.substring(eq + 1).strip();
            if (name.equals(WebhookSignature.TIMESTAMP)) {
                if (timestamp != null || !SECONDS.matcher(value).matches()) {
                    return new SignatureCheck.Malformed("t must appear once, as Unix seconds");
                }
                timestamp = Long.parseLong(value);
            } else if (name.equals(WebhookSignature.SCHEME)) {
                if (!HEX_SHA256.matcher(value).matches() || signatures.size() == MAX_SIGNATURES) {
                    return new SignatureCheck.Malformed("v1 must be 64 hex digits, at most " + MAX_SIGNATURES + " times");
                }
                signatures.add(HexFormat.of().parseHex(value));
            }
            // other schemes (a future v2) are ignored, so senders can add them without breaking receivers
        }
        if (timestamp == null || signatures.isEmpty()) {
            return new SignatureCheck.Malformed("t and at least one v1 are required");
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > toleranceSeconds) {
            return new SignatureCheck.TimestampOutsideTolerance(signedAt);
        }
        return anyMatches(timestamp, body, secrets, signatures)
                ? new SignatureCheck.Valid(signedAt) : new SignatureCheck.NoMatchingSignature();
    }

    /** Compares every pair without stopping at the first match, each in constant time. */
    private static boolean anyMatches(long timestamp, byte[] body, List<String> secrets, List<byte[]> signatures) {
        boolean match = false;
        for (String secret : secrets) {
            byte[] expected = WebhookSignature.hmac(secret, timestamp, body);
            for (byte[] presented : signatures) {
                match |= MessageDigest.isEqual(expected, presented);
            }
        }
        return match;
    }
}
