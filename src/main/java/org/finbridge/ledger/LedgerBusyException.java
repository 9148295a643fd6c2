package org.finbridge.ledger;

/**
 * The ledger's queue is full: the caller should retry after a short pause. Nothing was applied.
 * Back-pressure instead of an unbounded queue (TigerBeetle style: bounded everything).
 */
public class LedgerBusyException extends RuntimeException {
    public LedgerBusyException(String message) {
        super(message);
    }
}
