package org.finbridge.ledger;

import java.time.Instant;

/**
 * A transfer as the ledger holds it, with its position in the history ({@code seq}).
 *
 * @param kind POSTED, PENDING, POST_PENDING or VOID_PENDING
 * @param holdState for a hold: PENDING, POSTED, VOIDED or EXPIRED; null otherwise
 */
public record PostedTransfer(
        long seq,
        TransferId id,
        AccountId debitAccountId,
        AccountId creditAccountId,
        long amount,
        String currency,
        String kind,
        TransferId pendingId,
        int timeoutSeconds,
        Instant expiresAt,
        String code,
        String externalRef,
        boolean linked,
        Instant createdAt,
        String holdState) {
}
