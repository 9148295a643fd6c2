package org.finbridge.settlement.internal;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.finbridge.ledger.AccountFlag;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.NewAccount;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The merchant accounts settlement moves money between, named and opened exactly as the payments module
 * opens them ({@code party:<id>:<TYPE>:<CCY>}, owner the party, available never overdrawn), so whichever
 * module comes first opens the account and the other's opening answers EXISTS.
 */
@Component
class MerchantAccounts {

    private final Ledger ledger;
    private final Set<AccountId> opened = ConcurrentHashMap.newKeySet();

    MerchantAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    AccountId pending(UUID merchant, String currency) {
        return open(merchant, currency, "MERCHANT_PENDING");
    }

    AccountId available(UUID merchant, String currency) {
        return open(merchant, currency, "MERCHANT_AVAILABLE", AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    AccountId reserve(UUID merchant, String currency) {
        return open(merchant, currency, "MERCHANT_RESERVE");
    }

    /** A platform account of settlement's: PAYOUTS_IN_TRANSIT, BANK_PAYOUTS (paid out of the bank), FEES_PAYOUTS. */
    AccountId platform(String type, String currency) {
        AccountId id = AccountId.derived("platform:" + type + ":" + currency);
        return opened.contains(id) ? id : openNamed(id, currency, type, "platform");
    }

    long postedCreditBalance(AccountId id) {
        return ledger.account(id).map(a -> a.postedCreditBalance().minorUnits()).orElse(0L);
    }

    private AccountId open(UUID merchant, String currency, String type, AccountFlag... flags) {
        String owner = new PartyId(merchant).toString();
        AccountId id = AccountId.derived("party:" + owner + ":" + type + ":" + currency);
        if (opened.contains(id)) {
            return id;
        }
        return openNamed(id, currency, type, owner, flags);
    }

    private AccountId openNamed(AccountId id, String currency, String type, String owner, AccountFlag... flags) {
        CurrencyCode ccy = CurrencyCode.of(currency);
        AccountResult r;
        try {
            r = ledger.createAccount(new NewAccount(id, ccy, type, owner, flags.length == 0 ? Set.of() : Set.of(flags)));
        } catch (DataAccessException raced) {
            // another node opened it at the same moment: the account is there, which is all we need
            r = ledger.account(id).map(a -> AccountResult.EXISTS).orElseThrow(() -> raced);
        }
        if (r != AccountResult.OK && r != AccountResult.EXISTS) {
            throw new IllegalStateException("ledger account " + id + " (" + type + ") exists with other fields: " + r);
        }
        opened.add(id);
        return id;
    }
}
