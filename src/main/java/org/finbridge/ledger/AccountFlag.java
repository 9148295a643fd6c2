package org.finbridge.ledger;

/** Behaviour chosen when an account is opened; it never changes afterwards. */
public enum AccountFlag {
    /** The account cannot be overdrawn: debits (posted and pending) never exceed posted credits. */
    DEBITS_MUST_NOT_EXCEED_CREDITS,
    /** The mirror rule, for accounts that hold what others owe (a loan receivable, say). */
    CREDITS_MUST_NOT_EXCEED_DEBITS,
    /** Keep the balances after every transfer, for balance history queries. */
    HISTORY
}
