package org.finbridge.payments.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The payments module's settings.
 *
 * @param authorizationValidity how long an uncaptured card authorization holds (default 7 days, the
 *                              validity card schemes give most authorizations)
 * @param holdGrace how much longer the ledger hold lives than the authorization: the expiry job voids the hold
 *                  when the authorization lapses, and the ledger's own timeout is only the safety net should
 *                  that job not run. Without the margin a capture accepted just before the expiry could reach
 *                  the ledger just after it, when the hold would already refuse it (default 1 hour)
 * @param platformFeeBasisPoints the platform's fee on each capture, in basis points (default 50 = 0.5 %)
 * @param platformFeeFixedMinor the platform's fixed fee per capture, in minor units (default 0)
 * @param reserveBasisPoints the part of each capture put into the merchant's rolling reserve, from which
 *                           chargebacks are paid first (default 500 = 5 %, a common rolling reserve)
 * @param recoverAfter how long a step may stay in flight before the recovery job finishes it
 * @param fingerprintSecret the key of the HMAC that fingerprints idempotent requests (same on every node)
 * @param idempotencyRetention how long idempotency keys and their responses are kept (at least 24 h)
 * @param idempotencyLease how long a request holds its key before another may take it over (a crashed node)
 */
@ConfigurationProperties("finbridge.payments")
record PaymentsProperties(Duration authorizationValidity, Duration holdGrace, Long platformFeeBasisPoints, Long platformFeeFixedMinor,
                          Long reserveBasisPoints, Duration recoverAfter, String fingerprintSecret,
                          Duration idempotencyRetention, Duration idempotencyLease) {

    PaymentsProperties {
        authorizationValidity = authorizationValidity == null ? Duration.ofDays(7) : authorizationValidity;
        holdGrace = holdGrace == null ? Duration.ofHours(1) : holdGrace;
        platformFeeBasisPoints = platformFeeBasisPoints == null ? 50 : platformFeeBasisPoints;
        platformFeeFixedMinor = platformFeeFixedMinor == null ? 0 : platformFeeFixedMinor;
        reserveBasisPoints = reserveBasisPoints == null ? 500 : reserveBasisPoints;
        recoverAfter = recoverAfter == null ? Duration.ofSeconds(30) : recoverAfter;
        fingerprintSecret = fingerprintSecret == null || fingerprintSecret.isBlank()
                ? "finbridge-development-only-fingerprint-key" : fingerprintSecret;
        idempotencyRetention = idempotencyRetention == null ? Duration.ofHours(24) : idempotencyRetention;
        idempotencyLease = idempotencyLease == null ? Duration.ofSeconds(60) : idempotencyLease;
        if (idempotencyRetention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("idempotency keys are kept at least 24 hours (Stripe's guarantee)");
        }
    }
}
