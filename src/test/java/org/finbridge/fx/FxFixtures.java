package org.finbridge.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.NewAccount;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;

/** Merchants' balances funded through the real ledger, and their balances read back. */
final class FxFixtures {

    private final Ledger ledger;

    FxFixtures(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Credits the party's available balance from an outside bank account (a captured payment, say). */
    void fund(PartyId party, String currency, long amount) {
        NewAccount bank = NewAccount.of(CurrencyCode.of(currency), "BANK", "test");
        assertThat(ledger.createAccount(bank)).isEqualTo(AccountResult.OK);
        NewAccount available = FxAccounts.merchantAvailable(party, CurrencyCode.of(currency));
        assertThat(ledger.createAccount(available)).isIn(AccountResult.OK, AccountResult.EXISTS);
        assertThat(ledger.submit(List.of(Transfer.posted(TransferId.next(), bank.id(), available.id(), amount, currency,
                "FUNDING")))).containsExactly(TransferResult.OK);
    }

    long balance(PartyId party, String currency) {
        return ledger.account(FxAccounts.merchantAvailable(party, CurrencyCode.of(currency)).id())
                .map(a -> a.postedCreditBalance().minorUnits()).orElse(0L);
    }

    /** Credits minus debits of an FX account (0 before its first use). */
    long platform(NewAccount account) {
        return ledger.account(account.id()).map(Account::postedCreditBalance).map(m -> m.minorUnits()).orElse(0L);
    }

    AccountId id(PartyId party, String currency) {
        return FxAccounts.merchantAvailable(party, CurrencyCode.of(currency)).id();
    }
}
