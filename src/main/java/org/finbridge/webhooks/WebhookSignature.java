package org.finbridge.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme of delivered events (Stripe's): the header
 * <pre>Finbridge-Signature: t=1732700000,v1=5257a869…,v1=…</pre>
 * carries the Unix time of the attempt and, per signing secret, the lower-case hex of
 * {@code HMAC-SHA256(key = the secret's UTF-8 bytes, message = "<t>." + the raw request body)}.
 * There are two {@code v1} entries while a rotated-out secret still signs (the overlap); a receiver
 * accepts the request when any of them matches a secret it holds, and ignores entries of schemes it
 * does not know. Signing the timestamp with the body lets a receiver refuse replays of old requests.
 */
public final class WebhookSignature {

    public static final String HEADER = "Finbridge-Signature";
    public static final String TIMESTAMP = "t";
    public static final String SCHEME = "v1";
    static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for a request sent at {@code timestampSeconds}, with one signature per secret. */
    public static String header(long timestampSeconds, byte[] body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret signs");
        }
        StringJoiner header = new StringJoiner(",");
        header.add(TIMESTAMP + "=" + timestampSeconds);
        for (String secret : secrets) {
            header.add(SCHEME + "=" + HexFormat.of().formatHex(hmac(secret, timestampSeconds, body)));
        }
        return header.toString();
    }

    /** {@code HMAC-SHA256(secret, "<t>." + body)}. */
    static byte[] hmac(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
