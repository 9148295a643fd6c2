package org.finbridge.payments.connector.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of acquirers' notifications: header {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * t + "." + body)>}, the scheme Stripe signs webhooks with. A notification is accepted only when the
 * signature matches (compared in constant time) and its timestamp is within the tolerance of our clock
 * both ways, so a captured notification cannot be replayed later.
 */
public final class NotificationSignatures {

    public static final String HEADER = "Finbridge-Connector-Signature";
    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    public enum Verdict { VALID, MALFORMED, STALE, MISMATCH }

    private NotificationSignatures() {
    }

    public static String sign(String secret, long timestampSeconds, byte[] body) {
        return "t=" + timestampSeconds + ",v1=" + hmac(secret, timestampSeconds, body);
    }

    public static Verdict verify(String secret, String header, byte[] body, Instant now) {
        if (header == null) {
            return Verdict.MALFORMED;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                return Verdict.MALFORMED;
            }
            if (kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return Verdict.MALFORMED;
                }
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
            return Verdict.STALE;
        }
        boolean same = MessageDigest.isEqual(hmac(secret, t, body).getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII));
        return same ? Verdict.VALID : Verdict.MISMATCH;
    }

    private static String hmac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
