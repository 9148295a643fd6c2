package org.finbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.finbridge.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ledger under many concurrent callers: nothing lost, created or doubled, no overdraft, and
 * exactly one effect per transfer id. Each test ends with the invariant sweep.
 */
@ApplicationTest
class LedgerUnderConcurrencyTest {

    @Autowired
    Ledger ledger;

    LedgerFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(ledger);
    }

    /**
     * 32 threads, 100,000 transfers in three currencies: every payment is a linked pair (buyer pays
     * seller, seller pays the platform fee), so the one fee account per currency is on every pair.
     * Buyers cannot be overdrawn and are funded for only part of what they try to spend, so refusals
     * happen under load too. Afterwards the ledger must hold exactly the accepted transfers.
     */
    @Test
    void stormOfLinkedPaymentsWithAHotFeeAccountKeepsEveryInvariant() throws Exception {
        String[] currencies = {"EUR", "USD", "CNY"};
        int accountsPerCurrency = 40;
        Map<String, List<AccountId>> buyers = new ConcurrentHashMap<>();
        Map<String, List<AccountId>> sellers = new ConcurrentHashMap<>();
        Map<String, AccountId> fees = new ConcurrentHashMap<>();
        for (String c : currencies) {
            AccountId bank = fixtures.bank(c);
            fees.put(c, fixtures.open(c, "PLATFORM_FEES"));
            List<AccountId> b = new ArrayList<>();
            List<AccountId> s = new ArrayList<>();
            for (int i = 0; i < accountsPerCurrency; i++) {
                AccountId buyer = fixtures.customer(c);
                fixtures.fund(bank, buyer, 100_000, c);
                b.add(buyer);
                s.add(fixtures.customer(c));
            }
            buyers.put(c, b);
            sellers.put(c, s);
        }
        long transfersBefore = ledger.transfers(fees.get("EUR"), null, 1).items().size();
        assertThat(transfersBefore).isZero();

        int threads = 32;
        int pairsPerRequest = 10;
        int requestsPerThread = 157; // 32 × 157 × 10 pairs × 2 transfers = 100,480 transfers
        Map<TransferResult, AtomicLong> outcomes = new EnumMap<>(TransferResult.class);
        for (TransferResult r : TransferResult.values()) {
            outcomes.put(r, new AtomicLong());
        }
        Set<TransferId> committed = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                start.await();
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (int r = 0; r < requestsPerThread; r++) {
                    String c = currencies[rnd.nextInt(currencies.length)];
                    List<Transfer> request = new ArrayList<>();
                    for (int p = 0; p < pairsPerRequest; p++) {
                        AccountId buyer = buyers.get(c).get(rnd.nextInt(accountsPerCurrency));
                        AccountId seller = sellers.get(c).get(rnd.nextInt(accountsPerCurrency));
                        long amount = 100 + rnd.nextInt(900);
                        request.add(Transfer.posted(TransferId.next(), buyer, seller, amount, c, "PAYMENT").linked());
                        request.add(Transfer.posted(TransferId.next(), seller, fees.get(c), amount * 3 / 100 + 1, c, "FEE"));
                    }
                    List<TransferResult> results = ledger.submit(request);
                    for (int i = 0; i < results.size(); i++) {
                        outcomes.get(results.get(i)).incrementAndGet();
                        if (results.get(i) == TransferResult.OK) {
                            committed.add(request.get(i).id());
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();

        long total = outcomes.values().stream().mapToLong(AtomicLong::get).sum();
        assertThat(total).isGreaterThanOrEqualTo(100_000);
        assertThat(outcomes.get(TransferResult.OK).get()).as("accepted").isGreaterThan(20_000);
        assertThat(outcomes.get(TransferResult.EXCEEDS_CREDITS).get()).as("refused for lack of funds").isPositive();
        // a refused payment takes its fee leg with it, and vice versa: the chain commits or fails whole
        assertThat(outcomes.get(TransferResult.LINKED_EVENT_FAILED).get())
                .isEqualTo(outcomes.get(TransferResult.EXCEEDS_CREDITS).get());
        assertThat(outcomes.keySet().stream().filter(r -> outcomes.get(r).get() > 0))
                .containsExactlyInAnyOrder(TransferResult.OK, TransferResult.EXCEEDS_CREDITS, TransferResult.LINKED_EVENT_FAILED);

        // exactly the accepted transfers are in the ledger: count them on the fee accounts and buyers
        long feeLegs = 0;
        for (String c : currencies) {
            feeLegs += countTransfers(fees.get(c));
        }
        assertThat(feeLegs * 2).isEqualTo(committed.size());
        for (TransferId sample : committed.stream().limit(200).toList()) {
            assertThat(ledger.transfer(sample)).isPresent();
        }
    }

    private long countTransfers(AccountId account) {
        long n = 0;
        String cursor = null;
        do {
            Page<PostedTransfer> page = ledger.transfers(account, cursor, 1000);
            n += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        return n;
    }

    /** Ten in the account, sixteen simultaneous withdrawals of nine: one wins, every round. */
    @Test
    void doubleSpendRaceLetsExactlyOneWithdrawalThrough() throws Exception {
        AccountId bank = fixtures.bank("EUR");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 40; round++) {
                AccountId wallet = fixtures.customer("EUR");
                fixtures.fund(bank, wallet, 10, "EUR");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<TransferResult>> attempts = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return ledger.submit(List.of(Transfer.posted(TransferId.next(), wallet, bank, 9, "EUR", "WITHDRAWAL"))).get(0);
                    }));
                }
                start.countDown();
                List<TransferResult> results = new ArrayList<>();
                for (Future<TransferResult> f : attempts) {
                    results.add(f.get());
                }
                assertThat(Collections.frequency(results, TransferResult.OK)).as("round " + round).isEqualTo(1);
                assertThat(Collections.frequency(results, TransferResult.EXCEEDS_CREDITS)).isEqualTo(15);
                Account after = fixtures.account(wallet);
                assertThat(after.postedCreditBalance().minorUnits()).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The same transfer sent twenty times at once (a client retrying on a timeout): one effect; every
     * answer says the transfer is committed (one OK, the replays EXISTS). The same id with another
     * amount is refused and changes nothing.
     */
    @Test
    void idempotencyStormHasOneEffectPerTransferId() throws Exception {
        AccountId bank = fixtures.bank("USD");
        AccountId merchant = fixtures.customer("USD");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            for (int round = 0; round < 25; round++) {
                Transfer transfer = Transfer.posted(TransferId.next(), bank, merchant, 1_234, "USD", "PAYOUT_RETURN");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<TransferResult>> sends = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    sends.add(pool.submit(() -> {
                        start.await();
                        return ledger.submit(List.of(transfer)).get(0);
                    }));
                }
                start.countDown();
                List<TransferResult> results = new ArrayList<>();
                for (Future<TransferResult> f : sends) {
                    results.add(f.get());
                }
                assertThat(results).allMatch(TransferResult::isCommitted);
                assertThat(Collections.frequency(results, TransferResult.OK)).isEqualTo(1);
                assertThat(Collections.frequency(results, TransferResult.EXISTS)).isEqualTo(19);

                Transfer changed = Transfer.posted(transfer.id(), bank, merchant, 9_999, "USD", "PAYOUT_RETURN");
                assertThat(ledger.submit(List.of(changed))).containsExactly(TransferResult.EXISTS_WITH_DIFFERENT_FIELDS);
            }
            assertThat(fixtures.account(merchant).creditsPosted()).isEqualTo(25 * 1_234L);
        } finally {
            pool.shutdown();
        }
    }
}
