package org.finbridge.supervision.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.finbridge.supervision.IdentityDocument;
import org.springframework.stereotype.Component;

/**
 * The keyed hash (HMAC-SHA256) by which a person's quotas are tracked: stable for one document however it is
 * written, useless without the key to anyone who reads the tables.
 */
@Component
class IdentityHasher {

    private final SecretKeySpec key;

    IdentityHasher(SupervisionProperties properties) {
        this.key = new SecretKeySpec(properties.identityKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String hash(IdentityDocument document) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(document.canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
