package org.finbridge.banking;

import java.util.Objects;

/** A party to a transfer with its account and the bank that holds it (debtor or creditor). */
public record AccountHolder(String name, AccountId account, Agent agent) {

    public AccountHolder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(agent, "agent");
    }
}
