package org.finbridge.ledger;

/**
 * The outcome of one transfer, one value per rule (TigerBeetle's create_transfers results). Only
 * {@link #OK} changed anything; {@link #EXISTS} is the idempotent replay of an earlier OK.
 */
public enum TransferResult {
    OK,
    /** Same id, same fields as a transfer already committed: no effect, same outcome. */
    EXISTS,
    /** Same id as a committed transfer but other fields: refused, nothing changed. */
    EXISTS_WITH_DIFFERENT_FIELDS,
    /** Another transfer of the same linked chain failed, so this one was not applied. */
    LINKED_EVENT_FAILED,
    /** The last transfer of the request carries LINKED: the chain never closes. */
    LINKED_EVENT_CHAIN_OPEN,
    ID_MUST_NOT_BE_ZERO,
    FLAGS_ARE_MUTUALLY_EXCLUSIVE,
    CODE_INVALID,
    EXTERNAL_REF_TOO_LONG,
    ACCOUNTS_MUST_BE_DIFFERENT,
    DEBIT_ACCOUNT_NOT_FOUND,
    CREDIT_ACCOUNT_NOT_FOUND,
    CURRENCY_UNKNOWN,
    /** The accounts, or the transfer and its accounts, are of different currencies. */
    CURRENCIES_MUST_MATCH,
    AMOUNT_MUST_BE_POSITIVE,
    /** The debit account is flagged DEBITS_MUST_NOT_EXCEED_CREDITS and this transfer would overdraw it. */
    EXCEEDS_CREDITS,
    /** The credit account is flagged CREDITS_MUST_NOT_EXCEED_DEBITS and this transfer would exceed it. */
    EXCEEDS_DEBITS,
    OVERFLOWS_DEBITS,
    OVERFLOWS_CREDITS,
    TIMEOUT_RESERVED_FOR_PENDING_TRANSFER,
    PENDING_ID_MUST_NOT_BE_ZERO,
    PENDING_ID_MUST_BE_DIFFERENT,
    PENDING_ID_RESERVED_FOR_POST_OR_VOID,
    PENDING_TRANSFER_NOT_FOUND,
    /** The referenced transfer is not a hold. */
    PENDING_TRANSFER_NOT_PENDING,
    PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT,
    PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT,
    PENDING_TRANSFER_HAS_DIFFERENT_CURRENCY,
    PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT,
    EXCEEDS_PENDING_TRANSFER_AMOUNT,
    PENDING_TRANSFER_ALREADY_POSTED,
    PENDING_TRANSFER_ALREADY_VOIDED,
    PENDING_TRANSFER_EXPIRED;

    /** True when the transfer is in the ledger after this answer (applied now or earlier). */
    public boolean isCommitted() {
        return this == OK || this == EXISTS;
    }
}
