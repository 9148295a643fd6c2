package org.finbridge.settlement.internal;

import java.util.List;
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

    /** The reserve account's id, without opening it (a balance read of an account never opened answers 0). */
    AccountId reserveId(UUID merchant, String currency) {
        return AccountId.derived("party:" + new PartyId(merchant) + ":MERCHANT_RESERVE:" + currency);
    }

    /** A platform account of settlement's: PAYOUTS_IN_TRANSIT, BANK_PAYOUTS (paid out of the bank), FEES_PAYOUTS. */
    AccountId platform(String type, String currency) {
        AccountId id = AccountId.derived("platform:" + type + ":" + currency);
        return opened.contains(id) ? id : openNamed(id, currency, type, "platform");
    }

    /** The accounts a run's postings move money between, opened with a few round trips instead of one or two each. */
    void openAll(java.util.Collection<SettlementStore.StoredPosting> postings) {
        java.util.Map<AccountId, NewAccount> wanted = new java.util.LinkedHashMap<>();
        for (SettlementStore.StoredPosting p : postings) {
            want(wanted, p.merchantId(), p.currency(), "MERCHANT_PENDING");
            switch (p.kind()) {
                case RELEASE, RECOVERY -> want(wanted, p.merchantId(), p.currency(), "MERCHANT_AVAILABLE",
                        AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
                case RESERVE_WITHHOLD -> want(wanted, p.merchantId(), p.currency(), "MERCHANT_RESERVE");
                case RESERVE_RELEASE -> {
                    want(wanted, p.merchantId(), p.currency(), "MERCHANT_RESERVE");
                    want(wanted, p.merchantId(), p.currency(), "MERCHANT_AVAILABLE", AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
                }
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        List<NewAccount> accounts = List.copyOf(wanted.values());
        List<AccountResult> results = ledger.createAccounts(accounts);
        for (int i = 0; i < accounts.size(); i++) {
            if (results.get(i) != AccountResult.OK && results.get(i) != AccountResult.EXISTS) {
                throw new IllegalStateException("ledger account " + accounts.get(i).id() + " (" + accounts.get(i).type()
                        + ") exists with other fields: " + results.get(i));
            }
            opened.add(accounts.get(i).id());
        }
    }

    private void want(java.util.Map<AccountId, NewAccount> wanted, UUID merchant, String currency, String type, AccountFlag... flags) {
        String owner = new PartyId(merchant).toString();
        AccountId id = AccountId.derived("party:" + owner + ":" + type + ":" + currency);
        if (!opened.contains(id)) {
            wanted.putIfAbsent(id, new NewAccount(id, CurrencyCode.of(currency), type, owner, flags.length == 0 ? Set.of() : Set.of(flags)));
        }
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
