package org.finbridge.webhooks;

import java.time.Instant;

/** What {@link WebhookSignatureVerifier} found; only {@link Valid} means the request is genuine. */
public sealed interface SignatureCheck {

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** A signature matched one of the secrets, and the timestamp is within the tolerance. */
    record Valid(Instant signedAt) implements SignatureCheck {
    }

    /** The header is missing or not of the form {@code t=<seconds>,v1=<64 hex digits>[,v1=…]}. */
    record Malformed(String reason) implements SignatureCheck {
    }

    /** Signed too long ago (a replay) or too far in the future (a forged or skewed clock). */
    record TimestampOutsideTolerance(Instant signedAt) implements SignatureCheck {
    }

    /** No signature matches any of the secrets: the body, the timestamp or the secret differs. */
    record NoMatchingSignature() implements SignatureCheck {
    }
}
