package org.finbridge.banking;

import java.util.Objects;

/**
 * A party to a transfer with its account and the bank that holds it (debtor or creditor).
 *
 * @param agent the account's bank; may be null for a creditor reached by IBAN alone (SEPA), where the
 *              IBAN routes the payment
 */
public record AccountHolder(String name, AccountId account, Agent agent) {

    public AccountHolder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(account, "account");
    }
}
