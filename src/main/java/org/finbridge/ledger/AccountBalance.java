package org.finbridge.ledger;

import java.time.Instant;

/** An account's totals right after one transfer (kept for accounts with the HISTORY flag). */
public record AccountBalance(long seq, TransferId transferId, long debitsPosted, long creditsPosted,
                             long debitsPending, long creditsPending, Instant recordedAt) {
}
