package org.finbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finbridge.money.CurrencyCode;
import org.finbridge.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Modules open an owner's account on first use, from many requests at once, often inside their own
 * transaction. Exactly one opening wins, the others answer EXISTS, and the losers' transactions stay
 * usable (PostgreSQL aborts a transaction on a failed insert unless it was under a savepoint).
 */
@ApplicationTest
class AccountOpeningRaceTest {

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyConcurrentFirstOpeningsInsideCallersTransactionsOpenOneAccount() throws Exception {
        for (int round = 0; round < 5; round++) {
            NewAccount account = new NewAccount(AccountId.derived("race:" + round + ":" + System.nanoTime()),
                    CurrencyCode.of("EUR"), "MERCHANT_AVAILABLE", "pty_race", java.util.Set.of());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<Future<AccountResult>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return transactions.execute(status -> {
                        AccountResult r = ledger.createAccount(account);
                        // the caller's transaction must still work after losing the race
                        jdbc.sql("select count(*) from ledger_accounts").query(Long.class).single();
                        return r;
                    });
                }));
            }
            start.countDown();
            List<AccountResult> answers = new ArrayList<>();
            for (Future<AccountResult> f : results) {
                answers.add(f.get());
            }
            pool.shutdown();
            assertThat(answers).filteredOn(r -> r == AccountResult.OK).hasSize(1);
            assertThat(answers).filteredOn(r -> r == AccountResult.EXISTS).hasSize(19);
            assertThat(jdbc.sql("select count(*) from audit_trail where object_id = :id").param("id", account.id().toString())
                    .query(Long.class).single()).as("one opening, one audit record").isEqualTo(1);
        }
    }

    @Test
    void manyAccountsOpenedTogetherAreEachOpenedOnceWithTheirAuditRecordEvenWhenTwoCallersRace() throws Exception {
        String tag = Long.toString(System.nanoTime());
        List<NewAccount> accounts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            accounts.add(new NewAccount(AccountId.derived("batch:" + tag + ":" + i), CurrencyCode.of("EUR"), "MERCHANT_AVAILABLE",
                    "pty_batch_" + tag, i % 2 == 0 ? java.util.Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS) : java.util.Set.of()));
        }
        // a second caller opens a third of them at the same moment, inside its own transaction
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<List<AccountResult>> all = pool.submit(() -> {
            start.await();
            return transactions.execute(status -> ledger.createAccounts(accounts));
        });
        Future<List<AccountResult>> some = pool.submit(() -> {
            start.await();
            return transactions.execute(status -> ledger.createAccounts(accounts.subList(10, 20)));
        });
        start.countDown();
        List<AccountResult> a = all.get();
        List<AccountResult> b = some.get();
        pool.shutdown();
        assertThat(a).hasSize(30).allMatch(r -> r == AccountResult.OK || r == AccountResult.EXISTS);
        assertThat(b).hasSize(10).allMatch(r -> r == AccountResult.OK || r == AccountResult.EXISTS);
        for (int i = 0; i < 30; i++) {
            NewAccount n = accounts.get(i);
            Account opened = ledger.account(n.id()).orElseThrow();
            assertThat(opened.flags()).isEqualTo(n.flags());
            assertThat(opened.ownerRef()).isEqualTo(n.ownerRef());
            // the sequencer moves staged records into the trail on its own, a moment after the commit
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(jdbc.sql("select count(*) from audit_trail where object_id = :id").param("id", n.id().toString())
                            .query(Long.class).single()).as("one opening, one audit record").isEqualTo(1));
        }
        assertThat(ledger.createAccounts(accounts)).containsOnly(AccountResult.EXISTS);
        NewAccount other = new NewAccount(accounts.getFirst().id(), CurrencyCode.of("EUR"), "MERCHANT_PENDING", "pty_batch_" + tag,
                java.util.Set.of());
        assertThat(ledger.createAccounts(List.of(other, accounts.get(1)))).containsExactly(AccountResult.EXISTS_WITH_DIFFERENT_FIELDS,
                AccountResult.EXISTS);
    }
}
