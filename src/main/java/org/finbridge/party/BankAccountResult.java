package org.finbridge.party;

/** The outcome of adding or deciding on a bank account. */
public sealed interface BankAccountResult {

    record Saved(BankAccount account) implements BankAccountResult {
    }

    record NotFound(String what) implements BankAccountResult {
    }

    record InvalidField(String field, String reason) implements BankAccountResult {
    }

    /** Only an account waiting for approval can be approved or rejected. */
    record NotPending(BankAccount.Status status) implements BankAccountResult {
    }
}
