package org.finbridge.party;

import java.util.List;
import java.util.Optional;

public interface BankAccounts {

    BankAccountResult add(PartyId party, NewBankAccount account, String actor);

    /** An operator accepts (or refuses) an account whose holder name did not match. */
    BankAccountResult decide(String accountId, boolean approve, String reason, String operator);

    Optional<BankAccount> find(String accountId);

    List<BankAccount> of(PartyId party);

    List<BankAccount> pendingApproval(int limit);
}
