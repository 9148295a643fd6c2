package org.finbridge.banking;

import java.util.List;
import java.util.Objects;

/**
 * One account statement (camt.053 {@code Stmt}) or debit/credit notification (camt.054 {@code Ntfctn})
 * as the bank sent it. A file may carry several, for several accounts.
 *
 * @param messageType   the ISO 20022 message and version, e.g. {@code camt.053.001.08}; just the family
 *                      ({@code camt.053}) when the file names no version
 * @param messageId     the file's group header message id
 * @param statementId   the bank's id of this statement, unique per account
 * @param account       the account reported on
 * @param accountCurrency the account's currency where the bank states it, else null
 * @param balances      the balances reported (opening booked, closing booked, …), in file order
 * @param entries       the entries, in file order
 */
public record BankStatement(Kind kind, String messageType, String messageId, String statementId, AccountId account,
        String accountCurrency, List<Balance> balances, List<StatementEntry> entries) {

    /** A statement of booked entries (camt.053) or a notification of single movements (camt.054). */
    public enum Kind {
        STATEMENT,
        NOTIFICATION
    }

    public BankStatement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(account, "account");
        balances = List.copyOf(balances);
        entries = List.copyOf(entries);
    }
}
