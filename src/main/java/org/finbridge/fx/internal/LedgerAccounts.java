package org.finbridge.fx.internal;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.NewAccount;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Opens the accounts a conversion needs on first use. Ids are derived from names, so opening is
 * idempotent (the second opening answers EXISTS). Concurrent first uses in this process open an account
 * once; a race with another node that ends in a failed insert is settled by reading what is there.
 */
@Component
class LedgerAccounts {

    private final Ledger ledger;
    private final ConcurrentMap<AccountId, Boolean> usable = new ConcurrentHashMap<>();

    LedgerAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * @return false when an account of that id exists with other fields (another module's convention
     *         differs): nothing is moved through it
     */
    boolean open(NewAccount account) {
        if (Boolean.TRUE.equals(usable.get(account.id()))) {
            return true;
        }
        boolean ok = usable.computeIfAbsent(account.id(), id -> create(account));
        if (!ok) {
            usable.remove(account.id(), false); // not remembered: asked again next time
        }
        return ok;
    }

    private boolean create(NewAccount account) {
        try {
            AccountResult result = ledger.createAccount(account);
            return result == AccountResult.OK || result == AccountResult.EXISTS;
        } catch (DataAccessException raced) {
            // another node inserted it first and the insert failed here: the account is what it is
            return ledger.account(account.id()).filter(a -> same(a, account)).isPresent();
        }
    }

    private static boolean same(Account a, NewAccount wanted) {
        return a.currency().equals(wanted.currency()) && a.type().equals(wanted.type())
                && Objects.equals(a.ownerRef(), wanted.ownerRef()) && a.flags().equals(wanted.flags());
    }
}
