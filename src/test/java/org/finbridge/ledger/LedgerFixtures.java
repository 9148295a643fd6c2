package org.finbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.finbridge.money.CurrencyCode;

/** Opens accounts and funds them through the real ledger API. */
final class LedgerFixtures {

    private final Ledger ledger;

    LedgerFixtures(Ledger ledger) {
        this.ledger = ledger;
    }

    AccountId open(String currency, String type, AccountFlag... flags) {
        NewAccount a = NewAccount.of(CurrencyCode.of(currency), type, "test", flags);
        assertThat(ledger.createAccount(a)).isEqualTo(AccountResult.OK);
        return a.id();
    }

    /** A customer account that cannot be overdrawn. */
    AccountId customer(String currency) {
        return open(currency, "CUSTOMER", AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    /** The outside world: a bank account whose balance may go either way. */
    AccountId bank(String currency) {
        return open(currency, "BANK");
    }

    void fund(AccountId from, AccountId to, long amount, String currency) {
        List<TransferResult> r = ledger.submit(List.of(Transfer.posted(TransferId.next(), from, to, amount, currency, "FUNDING")));
        assertThat(r).containsExactly(TransferResult.OK);
    }

    Account account(AccountId id) {
        return ledger.account(id).orElseThrow();
    }
}
