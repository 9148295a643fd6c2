package org.finbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Holds (pending transfers) as a card authorization uses them, with a clock the test moves. */
@ApplicationTest
class HoldsTest {

    @Autowired
    Ledger ledger;

    @Autowired
    MutableClock clock;

    LedgerFixtures fixtures;
    AccountId buyer;
    AccountId merchant;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(ledger);
        AccountId bank = fixtures.bank("EUR");
        buyer = fixtures.customer("EUR");
        merchant = fixtures.customer("EUR");
        fixtures.fund(bank, buyer, 10_000, "EUR");
    }

    private TransferId hold(long amount, int timeoutSeconds) {
        TransferId id = TransferId.next();
        assertThat(ledger.submit(List.of(Transfer.pending(id, buyer, merchant, amount, "EUR", "AUTHORIZATION", timeoutSeconds))))
                .containsExactly(TransferResult.OK);
        return id;
    }

    @Test
    void aHoldReservesFundsUntilPostedInFull() {
        TransferId auth = hold(7_000, 3_600);
        Account held = fixtures.account(buyer);
        assertThat(held.debitsPending()).isEqualTo(7_000);
        assertThat(held.availableCreditBalance().minorUnits()).isEqualTo(3_000);
        // the reserved funds cannot be spent twice
        assertThat(ledger.submit(List.of(Transfer.posted(TransferId.next(), buyer, merchant, 3_001, "EUR", "PAYMENT"))))
                .containsExactly(TransferResult.EXCEEDS_CREDITS);

        assertThat(ledger.submit(List.of(Transfer.postPending(TransferId.next(), auth, 0, "CAPTURE"))))
                .containsExactly(TransferResult.OK);
        Account after = fixtures.account(buyer);
        assertThat(after.debitsPending()).isZero();
        assertThat(after.debitsPosted()).isEqualTo(7_000);
        assertThat(fixtures.account(merchant).creditsPosted()).isEqualTo(7_000);
        assertThat(ledger.transfer(auth).orElseThrow().holdState()).isEqualTo("POSTED");
    }

    @Test
    void aPartialPostReleasesTheRestOfTheHold() {
        TransferId auth = hold(5_000, 3_600);
        assertThat(ledger.submit(List.of(Transfer.postPending(TransferId.next(), auth, 3_200, "CAPTURE"))))
                .containsExactly(TransferResult.OK);
        Account after = fixtures.account(buyer);
        assertThat(after.debitsPosted()).isEqualTo(3_200);
        assertThat(after.debitsPending()).isZero();
        assertThat(after.availableCreditBalance().minorUnits()).isEqualTo(6_800);
        // a hold resolves once
        assertThat(ledger.submit(List.of(Transfer.postPending(TransferId.next(), auth, 1_000, "CAPTURE"))))
                .containsExactly(TransferResult.PENDING_TRANSFER_ALREADY_POSTED);
        assertThat(ledger.submit(List.of(Transfer.voidPending(TransferId.next(), auth, "VOID"))))
                .containsExactly(TransferResult.PENDING_TRANSFER_ALREADY_POSTED);
    }

    @Test
    void postingMoreThanWasHeldIsRefused() {
        TransferId auth = hold(5_000, 0);
        assertThat(ledger.submit(List.of(Transfer.postPending(TransferId.next(), auth, 5_001, "CAPTURE"))))
                .containsExactly(TransferResult.EXCEEDS_PENDING_TRANSFER_AMOUNT);
        assertThat(fixtures.account(buyer).debitsPending()).isEqualTo(5_000);
    }

    @Test
    void aVoidReleasesTheWholeHold() {
        TransferId auth = hold(4_000, 3_600);
        assertThat(ledger.submit(List.of(Transfer.voidPending(TransferId.next(), auth, "VOID"))))
                .containsExactly(TransferResult.OK);
        Account after = fixtures.account(buyer);
        assertThat(after.debitsPending()).isZero();
        assertThat(after.debitsPosted()).isZero();
        assertThat(ledger.submit(List.of(Transfer.postPending(TransferId.next(), auth, 0, "CAPTURE"))))
                .containsExactly(TransferResult.PENDING_TRANSFER_ALREADY_VOIDED);
        assertThat(ledger.transfer(auth).orElseThrow().holdState()).isEqualTo("VOIDED");
    }

    @Test
    void aHoldPastItsTimeoutCannotBePostedAndExpiresByItself() {
        TransferId auth = hold(2_500, 60);
        clock.advance(Duration.ofSeconds(59));
        assertThat(fixtures.account(buyer).debitsPending()).isEqualTo(2_500);
        clock.advance(Duration.ofSeconds(1));
        assertThat(ledger.submit(List.of(Transfer.postPending(TransferId.next(), auth, 0, "CAPTURE"))))
                .containsExactly(TransferResult.PENDING_TRANSFER_EXPIRED);
        // the expiry job releases it without anyone asking
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(fixtures.account(buyer).debitsPending()).isZero());
        assertThat(ledger.transfer(auth).orElseThrow().holdState()).isEqualTo("EXPIRED");
        assertThat(fixtures.account(buyer).availableCreditBalance().minorUnits()).isEqualTo(10_000);
        assertThat(ledger.submit(List.of(Transfer.voidPending(TransferId.next(), auth, "VOID"))))
                .containsExactly(TransferResult.PENDING_TRANSFER_EXPIRED);
    }

    @Test
    void postingAPlainTransferOrAnUnknownHoldIsRefused() {
        TransferId plain = TransferId.next();
        AccountId bank = fixtures.bank("EUR");
        fixtures.fund(bank, merchant, 10, "EUR");
        assertThat(ledger.transfers(merchant, null, 10).items()).isNotEmpty();
        PostedTransfer funding = ledger.transfers(merchant, null, 10).items().get(0);
        assertThat(ledger.submit(List.of(Transfer.postPending(plain, funding.id(), 0, "CAPTURE"))))
                .containsExactly(TransferResult.PENDING_TRANSFER_NOT_PENDING);
        assertThat(ledger.submit(List.of(Transfer.postPending(TransferId.next(), TransferId.next(), 0, "CAPTURE"))))
                .containsExactly(TransferResult.PENDING_TRANSFER_NOT_FOUND);
    }

    @Test
    void aHoldAndItsCaptureInOneLinkedRequestCommitTogether() {
        TransferId auth = TransferId.next();
        List<TransferResult> r = ledger.submit(List.of(
                Transfer.pending(auth, buyer, merchant, 1_000, "EUR", "AUTHORIZATION", 0).linked(),
                Transfer.postPending(TransferId.next(), auth, 1_000, "CAPTURE")));
        assertThat(r).containsExactly(TransferResult.OK, TransferResult.OK);
        assertThat(fixtures.account(merchant).creditsPosted()).isEqualTo(1_000);
    }
}
