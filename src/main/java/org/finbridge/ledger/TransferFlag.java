package org.finbridge.ledger;

/** How a transfer behaves; PENDING, POST_PENDING and VOID_PENDING exclude each other. */
public enum TransferFlag {
    /** This transfer and the next one in the request commit or fail together (a chain ends at the first transfer without it). */
    LINKED,
    /** A hold: the amount is reserved on both accounts until posted, voided or expired. */
    PENDING,
    /** Posts a hold, fully (amount 0) or partly; the rest of the hold is released. */
    POST_PENDING,
    /** Releases a hold. */
    VOID_PENDING
}
