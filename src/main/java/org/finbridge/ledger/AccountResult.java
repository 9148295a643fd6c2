package org.finbridge.ledger;

/** The outcome of opening an account, one value per rule. */
public enum AccountResult {
    OK,
    /** An account with this id exists with the same fields: nothing changed. */
    EXISTS,
    /** An account with this id exists with other fields: nothing changed. */
    EXISTS_WITH_DIFFERENT_FIELDS,
    FLAGS_ARE_MUTUALLY_EXCLUSIVE
}
