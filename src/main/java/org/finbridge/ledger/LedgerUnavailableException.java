package org.finbridge.ledger;

/**
 * The batch holding the caller's transfers could not be committed (database down, connection cut
 * during commit). The outcome may be unknown: resubmit the same transfer ids, and the ledger answers
 * OK or EXISTS, never a second effect.
 */
public class LedgerUnavailableException extends RuntimeException {
    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
