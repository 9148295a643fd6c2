package org.finbridge.ledger.internal;

import java.time.Instant;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.TransferId;

/** A committed transfer as the batch needs it: for idempotency checks and to resolve holds. */
record StoredTransfer(
        TransferId id,
        AccountId debitAccountId,
        AccountId creditAccountId,
        long amount,
        String currency,
        Kind kind,
        TransferId pendingId,
        int timeoutSeconds,
        Instant expiresAt,
        String code,
        String externalRef,
        boolean linked,
        Instant createdAt) {

    enum Kind { POSTED, PENDING, POST_PENDING, VOID_PENDING }

    enum Resolution { POSTED, VOIDED, EXPIRED }
}
