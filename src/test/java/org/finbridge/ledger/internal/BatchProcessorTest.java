package org.finbridge.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.ledger.TransferResult.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferFlag;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's rules, one scenario each, without a database. */
class BatchProcessorTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    AccountId wallet = AccountId.next();
    AccountId bank = AccountId.next();
    AccountId usdWallet = AccountId.next();
    AccountId receivable = AccountId.next();
    Map<AccountId, AccountState> accounts = new HashMap<>();
    BatchProcessor processor;

    @BeforeEach
    void setUp() {
        accounts.put(wallet, new AccountState(wallet, "EUR", true, false, false, 0, 1_000, 0, 0));
        accounts.put(bank, new AccountState(bank, "EUR", false, false, false, 1_000, 0, 0, 0));
        accounts.put(usdWallet, new AccountState(usdWallet, "USD", false, false, false, 0, 0, 0, 0));
        accounts.put(receivable, new AccountState(receivable, "EUR", false, true, false, 500, 0, 0, 0));
        processor = new BatchProcessor(NOW, new BatchState(accounts, new HashMap<>(), new HashMap<>()));
    }

    private List<TransferResult> apply(Transfer... transfers) {
        return processor.apply(List.of(transfers));
    }

    private static Transfer pay(AccountId from, AccountId to, long amount) {
        return Transfer.posted(TransferId.next(), from, to, amount, "EUR", "PAYMENT");
    }

    @Test
    void aWalletCannotSpendMoreThanItHas() {
        assertThat(apply(pay(wallet, bank, 1_001))).containsExactly(EXCEEDS_CREDITS);
        assertThat(apply(pay(wallet, bank, 1_000))).containsExactly(OK);
        assertThat(apply(pay(wallet, bank, 1))).containsExactly(EXCEEDS_CREDITS);
    }

    @Test
    void aReceivableCannotBeCreditedBeyondWhatIsOwed() {
        assertThat(apply(pay(receivable, bank, 1))).containsExactly(OK);
        assertThat(apply(pay(bank, receivable, 502))).containsExactly(EXCEEDS_DEBITS);
        assertThat(apply(pay(bank, receivable, 501))).containsExactly(OK);
    }

    @Test
    void laterTransfersInABatchSeeEarlierOnes() {
        assertThat(apply(pay(wallet, bank, 600), pay(wallet, bank, 600), pay(bank, wallet, 200), pay(wallet, bank, 600)))
                .containsExactly(OK, EXCEEDS_CREDITS, OK, OK);
        assertThat(accounts.get(wallet).debitsPosted).isEqualTo(1_200);
        assertThat(processor.outcome().transfers).hasSize(3);
    }

    @Test
    void shapeRulesAreCheckedOneByOne() {
        assertThat(apply(pay(wallet, wallet, 1))).containsExactly(ACCOUNTS_MUST_BE_DIFFERENT);
        assertThat(apply(pay(wallet, bank, 0))).containsExactly(AMOUNT_MUST_BE_POSITIVE);
        assertThat(apply(pay(wallet, bank, -1))).containsExactly(AMOUNT_MUST_BE_POSITIVE);
        assertThat(apply(pay(wallet, usdWallet, 1))).containsExactly(CURRENCIES_MUST_MATCH);
        assertThat(apply(Transfer.posted(TransferId.next(), wallet, bank, 1, "USD", "PAYMENT"))).containsExactly(CURRENCIES_MUST_MATCH);
        assertThat(apply(Transfer.posted(TransferId.next(), wallet, bank, 1, "EURO", "PAYMENT"))).containsExactly(CURRENCY_UNKNOWN);
        assertThat(apply(pay(AccountId.next(), bank, 1))).containsExactly(DEBIT_ACCOUNT_NOT_FOUND);
        assertThat(apply(pay(wallet, AccountId.next(), 1))).containsExactly(CREDIT_ACCOUNT_NOT_FOUND);
        assertThat(apply(Transfer.posted(null, wallet, bank, 1, "EUR", "PAYMENT"))).containsExactly(ID_MUST_NOT_BE_ZERO);
        assertThat(apply(Transfer.posted(TransferId.next(), wallet, bank, 1, "EUR", "lower case"))).containsExactly(CODE_INVALID);
        assertThat(apply(new Transfer(TransferId.next(), wallet, bank, 1, "EUR", null, 10, "PAYMENT", null, Set.of())))
                .containsExactly(TIMEOUT_RESERVED_FOR_PENDING_TRANSFER);
        assertThat(apply(new Transfer(TransferId.next(), wallet, bank, 1, "EUR", null, 0, "PAYMENT", null,
                Set.of(TransferFlag.PENDING, TransferFlag.VOID_PENDING)))).containsExactly(FLAGS_ARE_MUTUALLY_EXCLUSIVE);
        assertThat(processor.outcome().transfers).isEmpty();
    }

    @Test
    void balancesThatWouldOverflowAreRefused() {
        accounts.put(bank, new AccountState(bank, "EUR", false, false, false, Long.MAX_VALUE - 5, 0, 0, 0));
        assertThat(apply(pay(bank, wallet, 10))).containsExactly(OVERFLOWS_DEBITS);
        assertThat(apply(pay(bank, wallet, 5))).containsExactly(OK);
    }

    @Test
    void aResubmittedTransferExistsOnlyWithTheSameFields() {
        Transfer t = pay(bank, wallet, 10);
        assertThat(apply(t)).containsExactly(OK);
        assertThat(apply(t)).containsExactly(EXISTS);
        assertThat(apply(Transfer.posted(t.id(), bank, wallet, 11, "EUR", "PAYMENT"))).containsExactly(EXISTS_WITH_DIFFERENT_FIELDS);
        assertThat(apply(Transfer.posted(t.id(), bank, wallet, 10, "EUR", "REFUND"))).containsExactly(EXISTS_WITH_DIFFERENT_FIELDS);
        assertThat(accounts.get(wallet).creditsPosted).isEqualTo(1_010);
    }

    @Test
    void aLinkedChainFailsWholeAndLeavesNoTrace() {
        List<TransferResult> r = apply(pay(bank, wallet, 100).linked(), pay(wallet, bank, 5_000).linked(), pay(wallet, bank, 1));
        assertThat(r).containsExactly(LINKED_EVENT_FAILED, EXCEEDS_CREDITS, LINKED_EVENT_FAILED);
        assertThat(accounts.get(wallet).creditsPosted).isEqualTo(1_000);
        assertThat(accounts.get(wallet).debitsPosted).isZero();
        assertThat(processor.outcome().transfers).isEmpty();
        // the next chain is independent
        assertThat(apply(pay(bank, wallet, 100).linked(), pay(wallet, bank, 1_100))).containsExactly(OK, OK);
    }

    @Test
    void aChainThatNeverClosesIsRefused() {
        assertThat(apply(pay(bank, wallet, 1), pay(bank, wallet, 1).linked())).containsExactly(OK, LINKED_EVENT_CHAIN_OPEN);
    }

    @Test
    void aHoldIsPostedOnceAndAnExpiredHoldNotAtAll() {
        TransferId hold = TransferId.next();
        assertThat(apply(Transfer.pending(hold, wallet, bank, 800, "EUR", "AUTH", 60))).containsExactly(OK);
        assertThat(apply(pay(wallet, bank, 201))).containsExactly(EXCEEDS_CREDITS);
        assertThat(apply(Transfer.postPending(TransferId.next(), hold, 900, "CAPTURE"))).containsExactly(EXCEEDS_PENDING_TRANSFER_AMOUNT);
        assertThat(apply(new Transfer(TransferId.next(), usdWallet, null, 0, null, hold, 0, "CAPTURE", null,
                Set.of(TransferFlag.POST_PENDING)))).containsExactly(PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT);
        assertThat(apply(Transfer.postPending(TransferId.next(), hold, 500, "CAPTURE"))).containsExactly(OK);
        assertThat(apply(Transfer.voidPending(TransferId.next(), hold, "VOID"))).containsExactly(PENDING_TRANSFER_ALREADY_POSTED);
        assertThat(accounts.get(wallet).debitsPending).isZero();
        assertThat(accounts.get(wallet).debitsPosted).isEqualTo(500);

        TransferId other = TransferId.next();
        StoredTransfer expired = new StoredTransfer(other, wallet, bank, 100, "EUR", StoredTransfer.Kind.PENDING, null, 60,
                NOW.plusSeconds(60), "AUTH", null, false, NOW);
        Map<TransferId, StoredTransfer> known = new HashMap<>(Map.of(other, expired));
        BatchProcessor later = new BatchProcessor(NOW.plusSeconds(60), new BatchState(accounts, known, new HashMap<>()));
        accounts.get(wallet).debitsPending += 100; // as the committed hold left it
        accounts.get(bank).creditsPending += 100;
        assertThat(later.apply(List.of(Transfer.postPending(TransferId.next(), other, 0, "CAPTURE")))).containsExactly(PENDING_TRANSFER_EXPIRED);
        later.expire(List.of(other));
        assertThat(accounts.get(wallet).debitsPending).isZero();
        assertThat(later.outcome().resolutions).singleElement()
                .satisfies(res -> assertThat(res.resolution()).isEqualTo(StoredTransfer.Resolution.EXPIRED));
    }
}
