package org.finbridge.banking;

/** ISO 20022 CreditDebitCode, seen from the account holder: CRDT raises the balance, DBIT lowers it. */
public enum CreditDebit {
    CRDT,
    DBIT
}
