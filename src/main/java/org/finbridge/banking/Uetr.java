package org.finbridge.banking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * The Unique End-to-end Transaction Reference that SWIFT gpi tracks a payment by: a UUID of version 4
 * (RFC 4122 / RFC 9562), written in lower case. It must stay the same when a payment file is written
 * again after a crash, so payouts derive it from their own id ({@link #derivedFrom}) rather than draw a
 * new random one.
 */
public record Uetr(UUID value) {

    public Uetr {
        Objects.requireNonNull(value, "value");
        if (value.version() != 4 || value.variant() != 2) {
            throw new IllegalArgumentException("a UETR is a version 4 UUID of the RFC 4122 variant: " + value);
        }
    }

    public static Uetr random() {
        return new Uetr(UUID.randomUUID());
    }

    /**
     * The UETR for a payment with this id: SHA-256 of the id, with the version and variant bits of a
     * version 4 UUID set. As unpredictable as a random one to anyone without the id, and the same every
     * time for the same payment.
     */
    public static Uetr derivedFrom(String paymentId) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(("uetr:" + paymentId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x40);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        return new Uetr(new UUID(msb, lsb));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
