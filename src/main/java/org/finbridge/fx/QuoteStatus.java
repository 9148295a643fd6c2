package org.finbridge.fx;

/**
 * Where a quote is in its life. OPEN until executed or expired; EXECUTING while its ledger legs are
 * being committed (a crash there is finished by recovery); EXECUTED once, for good. EXPIRED is an OPEN
 * quote whose lock has run out.
 */
public enum QuoteStatus {
    OPEN, EXECUTING, EXECUTED, EXPIRED
}
