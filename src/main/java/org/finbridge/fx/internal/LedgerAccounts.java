package org.finbridge.fx.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.NewAccount;
import org.springframework.stereotype.Component;

/**
 * Opens the accounts a conversion needs on first use. Ids are derived from names, so opening is
 * idempotent (the second opening answers EXISTS) and safe from any number of nodes at once.
 */
@Component
class LedgerAccounts {

    private final Ledger ledger;
    private final Set<AccountId> known = ConcurrentHashMap.newKeySet();

    LedgerAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * @return false when an account of that id exists with other fields (another module's convention
     *         differs): nothing is moved through it
     */
    boolean open(NewAccount account) {
        if (known.contains(account.id())) {
            return true;
        }
        AccountResult result = ledger.createAccount(account);
        boolean usable = result == AccountResult.OK || result == AccountResult.EXISTS;
        if (usable) {
            known.add(account.id());
        }
        return usable;
    }
}
