package org.finbridge.banking;

/**
 * Who pays the banks' charges on a cross-border transfer (ISO 20022 ChargeBearerType1Code, the MT103
 * field 71A OUR / BEN / SHA).
 */
public enum ChargeBearer {
    /** The debtor pays all charges (OUR): the beneficiary receives the full amount. */
    DEBT,
    /** The creditor pays all charges (BEN). */
    CRED,
    /** Each side pays its own bank's charges (SHA). */
    SHAR
}
