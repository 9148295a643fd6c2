package org.finbridge.ledger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The ledger's API for other modules and the HTTP edge. */
public interface Ledger {

    /** The most transfers one request may carry (TigerBeetle's batch size). */
    int MAX_TRANSFERS_PER_REQUEST = 8190;

    AccountResult createAccount(NewAccount account);

    /**
     * {@link #createAccount} for many accounts with a few round trips (a settlement run opening the accounts of
     * a thousand merchants): one read of those that exist, the rest inserted in one transaction. One result per
     * account, in order; an account named twice answers EXISTS the second time.
     */
    default List<AccountResult> createAccounts(List<NewAccount> accounts) {
        return accounts.stream().map(this::createAccount).toList();
    }

    Optional<Account> account(AccountId id);

    /**
     * Applies the transfers in order and answers one result per transfer, after the batch holding
     * them is committed. Linked chains within the request commit or fail as one.
     *
     * @throws LedgerBusyException when the queue is full (nothing applied)
     * @throws LedgerUnavailableException when the commit failed or its outcome is unknown
     */
    List<TransferResult> submit(List<Transfer> transfers);

    /** {@link #submit(List)} without blocking the caller. */
    CompletableFuture<List<TransferResult>> submitAsync(List<Transfer> transfers);

    Optional<PostedTransfer> transfer(TransferId id);

    /** Transfers touching the account, oldest first, {@code limit} at a time. */
    Page<PostedTransfer> transfers(AccountId account, String cursor, int limit);

    /** Balances after each transfer, for accounts opened with {@link AccountFlag#HISTORY}. */
    Page<AccountBalance> balanceHistory(AccountId account, String cursor, int limit);

    /** Accounts of an owner (a merchant's balances in every currency, say). */
    List<Account> accountsOf(String ownerRef);
}
