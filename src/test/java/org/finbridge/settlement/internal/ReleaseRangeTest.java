package org.finbridge.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentFixtures.done;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.settlement.ReleaseMode;
import org.finbridge.settlement.Settlement;
import org.finbridge.settlement.SettlementPolicy;
import org.finbridge.settlement.SettlementRun;
import org.finbridge.settlement.SettlementStatement;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run releases payments due for the first time and unchanged since capture as one range per merchant and
 * currency (V200), not as a line each. These tests hold what a range must never do: claim a payment it did not
 * release, release one twice, or forget what it released when the payment changes afterwards.
 */
@ApplicationTest
class ReleaseRangeTest {

    @Autowired
    Settlement settlement;
    @Autowired
    SettlementStore store;
    @Autowired
    SettlementRuns runs;
    @Autowired
    Payments payments;
    @Autowired
    Parties parties;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    LedgerInvariants invariants;
    @Autowired
    PlatformTransactionManager transactions;

    PaymentFixtures fixtures;
    SettlingSeller seller;
    PartyId merchant;
    Actor actor;
    Actor operator;
    BusinessCalendars.Calendar target2 = BusinessCalendars.of("TARGET2");

    @BeforeEach
    void setUp() {
        // each test settles dates no other test has run (one run per business date)
        clock.advance(Duration.ofDays(40));
        fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        seller = new SettlingSeller(fixtures, settlement, payments, clock);
        merchant = seller.merchant;
        actor = seller.actor;
        operator = seller.operator;
        seller.policy(new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 2, "TARGET2", 0, 90, 0));
    }

    @AfterEach
    void ledgerStaysBalanced() {
        LedgerInvariants.Report report = invariants.sweep();
        assertThat(report.isClean()).as("ledger invariants: %s", report.violations()).isTrue();
        assertThat(store.unmarkedChanges()).as("payments changed since tracked but not marked").isEmpty();
    }

    private boolean marked(Payment p) {
        return jdbc.sql("select amounts_changed from settlement_payments where payment_id = ?").param(p.id().value())
                .query(Boolean.class).single();
    }

    /**
     * Takes the payment's tracking away until {@link #trackAgain}, as a capture whose transaction committed only after
     * the run had planned: not there when the run took its range.
     */
    private Object[] untrack(Payment p) {
        Object[] tracked = jdbc.sql("select captured_at, order_reference from settlement_payments where payment_id = ?")
                .param(p.id().value()).query((rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getString(2)}).single();
        jdbc.sql("delete from settlement_payments where payment_id = ?").param(p.id().value()).update();
        return tracked;
    }

    private void trackAgain(Payment p, Object[] tracked) {
        store.track(p.id().value(), merchant.value(), "EUR", (java.time.Instant) tracked[0], (String) tracked[1]);
    }

    private SettlementStatement statement(SettlementRun run) {
        List<SettlementStatement> s = settlement.statements(actor, merchant, run.id(), 10).orElseThrow();
        assertThat(s).hasSize(1);
        return s.getFirst();
    }

    private long settled(Payment p) {
        return store.tracked(p.id().value()).orElseThrow().settled();
    }

    /** The run's rows for this merchant: [payments in its range (0: none), lines of its own]. */
    private long[] rows(SettlementRun run) {
        long range = jdbc.sql("select coalesce(sum(payments), 0) from settlement_lines where run_id = ? and merchant_id = ?"
                + " and payments is not null").params(run.id().value(), merchant.value()).query(Long.class).single();
        long lines = jdbc.sql("select count(*) from settlement_lines where run_id = ? and merchant_id = ? and payments is null")
                .params(run.id().value(), merchant.value()).query(Long.class).single();
        return new long[] {range, lines};
    }

    @Test
    void unchangedPaymentsAreReleasedWithinOneRangeAndListedOnTheStatementEachWithItsAmount() {
        Payment a = seller.captured(10_000);
        Payment b = seller.captured(25_000);
        Payment c = seller.captured(7_300);
        SettlementRun run = settlement.run(target2.plusBusinessDays(seller.today(), 2), "test");

        assertThat(rows(run)).as("three payments in the range, no line of their own").containsExactly(3, 0);
        assertThat(run.lines()).as("the run covers every merchant: at least these three").isGreaterThanOrEqualTo(3);
        long total = SettlingSeller.net(a) + SettlingSeller.net(b) + SettlingSeller.net(c);
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(total);
        assertThat(seller.balance("MERCHANT_PENDING")).isZero();
        SettlementStatement s = statement(run);
        assertThat(s.released()).isEqualTo(total);
        assertThat(s.lines()).extracting(SettlementStatement.Line::paymentId).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        assertThat(s.lines()).allSatisfy(l -> {
            assertThat(l.kind()).isEqualTo("RELEASE");
            assertThat(l.status()).isEqualTo("POSTED");
        });
        assertThat(s.lines()).filteredOn(l -> l.paymentId().equals(b.id())).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualTo(SettlingSeller.net(b)));
        assertThat(settled(a) + settled(b) + settled(c)).as("what settlement moved per payment").isEqualTo(total);

        // the next runs find nothing more to move for them
        clock.advance(Duration.ofDays(3));
        SettlementRun next = seller.runAfter(run);
        assertThat(settlement.statements(actor, merchant, next.id(), 10).orElseThrow()).isEmpty();
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(total);
    }

    @Test
    void everyStepThatChangesAPaymentsAmountsMarksItInItsOwnTransactionAndTheCheckSeesAChangeThatWasNotMarked() {
        Payment untouched = seller.captured(10_000);
        Payment refunded = seller.captured(10_000);
        Payment disputed = seller.captured(10_000);
        Payment twice = done(payments.create(actor, PaymentFixtures.payment(merchant, 10_000, "EUR",
                seller.fixtures.card(PaymentFixtures.VISA_OK), CaptureMethod.MANUAL, "DE")));
        done(payments.capture(actor, twice.id(), 4_000L, false));
        assertThat(marked(twice)).as("tracked at its first capture, unchanged since").isFalse();
        done(payments.capture(actor, twice.id(), 6_000L, false));
        done(payments.refund(actor, refunded.id(), 1_000L, "returned"));
        done(payments.openDispute(operator, disputed.id(), 2_000L, "fraudulent"));

        assertThat(marked(untouched)).isFalse();
        assertThat(marked(refunded)).isTrue();
        assertThat(marked(disputed)).isTrue();
        assertThat(marked(twice)).isTrue();
        assertThat(store.unmarkedChanges()).isEmpty();

        // a change that bypasses the payment's steps (here: an update by hand, rolled back) is what the check exists for
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("update payments set refunded = 500 where id = ?").param(untouched.id().value()).update();
            assertThat(store.unmarkedChanges()).containsExactly(untouched.id().value());
            tx.setRollbackOnly();
        });
        assertThat(store.unmarkedChanges()).isEmpty();

        // the run releases the untouched payment within its range and the changed ones by lines of their own
        SettlementRun run = settlement.run(target2.plusBusinessDays(seller.today(), 2), "test");
        assertThat(rows(run)).containsExactly(1, 3);
        assertThat(statement(run).lines()).extracting(SettlementStatement.Line::paymentId)
                .contains(untouched.id(), refunded.id(), twice.id());
        assertThat(seller.balance("MERCHANT_PENDING")).as("everything pending released, the dispute's share excepted").isZero();
    }

    @Test
    void aMerchantWithoutARangeGetsNoLineThatMovesNothingRunAfterRunAndItsFirstRangeLeavesTheDrainedPaymentOut() {
        Payment drained = seller.captured(10_000);
        done(payments.refund(actor, drained.id(), SettlingSeller.net(drained), "returned"));
        SettlementRun first = settlement.run(target2.plusBusinessDays(seller.today(), 2), "test");
        assertThat(rows(first)).as("no range this run, so nothing to keep the drained payment out of").containsExactly(0, 0);
        clock.advance(Duration.ofDays(5));
        assertThat(rows(seller.runAfter(first))).containsExactly(0, 0);

        Payment clean = seller.captured(20_000);
        SettlementRun third = settlement.run(target2.plusBusinessDays(seller.today(), 2), "test");
        assertThat(rows(third)).as("the merchant's first range, and a line that keeps the drained payment out of it")
                .containsExactly(1, 1);
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(SettlingSeller.net(clean));
        assertThat(settled(drained)).isZero();
        assertThat(settled(clean)).isEqualTo(SettlingSeller.net(clean));

        clock.advance(Duration.ofDays(5));
        assertThat(rows(seller.runAfter(third))).containsExactly(0, 0);
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(SettlingSeller.net(clean));
        assertThat(settled(drained)).isZero();
    }

    @Test
    void aRefundAfterARangeReleaseRecoversExactlyTheRefundFromThatPaymentAlone() {
        Payment a = seller.captured(10_000);
        Payment b = seller.captured(20_000);
        settlement.run(target2.plusBusinessDays(seller.today(), 2), "test");
        long available = seller.balance("MERCHANT_AVAILABLE");
        assertThat(available).isEqualTo(SettlingSeller.net(a) + SettlingSeller.net(b));

        clock.advance(Duration.ofDays(5));
        done(payments.refund(actor, b.id(), 6_000L, "returned"));
        SettlementRun run = settlement.run(seller.today(), "test");
        SettlementStatement s = statement(run);
        assertThat(s.recovered()).isEqualTo(6_000);
        assertThat(s.released()).isZero();
        assertThat(s.lines()).singleElement().satisfies(l -> {
            assertThat(l.paymentId()).isEqualTo(b.id());
            assertThat(l.kind()).isEqualTo("RECOVERY");
            assertThat(l.amount()).isEqualTo(6_000);
        });
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(available - 6_000);
        assertThat(settled(a)).isEqualTo(SettlingSeller.net(a));
        assertThat(settled(b)).isEqualTo(SettlingSeller.net(b) - 6_000);

        // and only once
        clock.advance(Duration.ofDays(3));
        SettlementRun again = settlement.run(seller.today(), "test");
        assertThat(settlement.statements(actor, merchant, again.id(), 10).orElseThrow()).isEmpty();
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(available - 6_000);
    }

    @Test
    void aPaymentChangedBeforeItsFirstReleaseGetsALineOfItsOwnAndTheRestShareTheRange() {
        Payment partly = seller.captured(10_000);
        Payment drained = seller.captured(8_000);
        Payment untouched = seller.captured(12_000);
        Payment refundedPart = done(payments.refund(actor, partly.id(), 2_500L, "returned"));
        // refunded by exactly what it left pending: it has nothing to move, and must stay out of the range all the same
        Payment refundedToZero = done(payments.refund(actor, drained.id(), SettlingSeller.net(drained), "returned"));
        assertThat(SettlingSeller.net(refundedToZero)).isZero();
        long pendingBefore = seller.balance("MERCHANT_PENDING");

        SettlementRun run = settlement.run(target2.plusBusinessDays(seller.today(), 2), "test");
        assertThat(rows(run)).as("one payment in the range; the two refunded ones a line each, even the one that moves nothing")
                .containsExactly(1, 2);
        SettlementStatement s = statement(run);
        assertThat(s.released()).isEqualTo(SettlingSeller.net(refundedPart) + SettlingSeller.net(untouched));
        assertThat(s.lines()).extracting(SettlementStatement.Line::paymentId).containsExactlyInAnyOrder(partly.id(), untouched.id());
        assertThat(seller.balance("MERCHANT_PENDING")).isEqualTo(pendingBefore - s.released()).isZero();
        long availableAfter = seller.balance("MERCHANT_AVAILABLE");

        // the payment refunded to zero was never released: no later run may recover it as if it had been
        clock.advance(Duration.ofDays(5));
        SettlementRun next = seller.runAfter(run);
        assertThat(settlement.statements(actor, merchant, next.id(), 10).orElseThrow()).isEmpty();
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(availableAfter);
        assertThat(settled(refundedToZero)).isZero();
        assertThat(settled(refundedPart)).isEqualTo(SettlingSeller.net(refundedPart));
        assertThat(settled(untouched)).isEqualTo(SettlingSeller.net(untouched));
    }

    @Test
    void aPaymentTrackedAfterTheRunWithACaptureTimeInsideItsRangeIsReleasedOnceByTheNextRun() {
        Payment early = seller.captured(10_000);
        Payment late = seller.captured(15_000);
        Object[] tracked = untrack(late);

        SettlementRun run = settlement.run(target2.plusBusinessDays(seller.today(), 2), "test");
        assertThat(rows(run)).containsExactly(1, 0);
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(SettlingSeller.net(early));

        trackAgain(late, tracked);
        assertThat(settled(late)).as("the range it falls in by capture time is not its range").isZero();
        clock.advance(Duration.ofDays(5));
        SettlementRun next = seller.runAfter(run);
        SettlementStatement s = statement(next);
        assertThat(s.released()).isEqualTo(SettlingSeller.net(late));
        assertThat(s.lines()).singleElement().satisfies(l -> assertThat(l.paymentId()).isEqualTo(late.id()));
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(SettlingSeller.net(early) + SettlingSeller.net(late));
        assertThat(seller.balance("MERCHANT_PENDING")).isZero();
        assertThat(settled(early)).isEqualTo(SettlingSeller.net(early));
        assertThat(settled(late)).isEqualTo(SettlingSeller.net(late));
    }

    @Test
    void aLatePaymentWithNothingToMoveIsMarkedSoThatNoLaterRunTakesItForReleased() {
        Payment early = seller.captured(10_000);
        Payment late = seller.captured(15_000);
        UUID lateId = late.id().value();
        Object[] tracked = untrack(late);
        SettlementRun run = settlement.run(target2.plusBusinessDays(seller.today(), 2), "test");
        trackAgain(late, tracked);
        Payment drained = done(payments.refund(actor, late.id(), SettlingSeller.net(late), "returned"));
        assertThat(SettlingSeller.net(drained)).isZero();

        clock.advance(Duration.ofDays(5));
        SettlementRun next = seller.runAfter(run);
        assertThat(rows(next)).as("a line with nothing to move, in no range").containsExactly(0, 1);
        assertThat(jdbc.sql("select count(*) from settlement_lines where run_id = ? and payment_id = ? and released is null"
                + " and recovered is null and reserve_withheld is null and reserve_released is null")
                .params(next.id().value(), lateId).query(Long.class).single()).isEqualTo(1);
        assertThat(settled(drained)).isZero();
        assertThat(settled(early)).isEqualTo(SettlingSeller.net(early));
        long available = seller.balance("MERCHANT_AVAILABLE");
        assertThat(available).isEqualTo(SettlingSeller.net(early));

        clock.advance(Duration.ofDays(3));
        SettlementRun after = settlement.run(seller.today(), "test");
        assertThat(settlement.statements(actor, merchant, after.id(), 10).orElseThrow()).isEmpty();
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(available);
    }

    @Test
    void aRangeWithholdsTheReserveAndItsPaymentsGetItBackWhenDue() {
        seller.policy(new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 1, "TARGET2", 1_000, 30, 0));
        Payment a = seller.captured(100_000);
        Payment b = seller.captured(50_000);
        SettlementRun run = settlement.run(target2.plusBusinessDays(seller.today(), 1), "test");
        assertThat(rows(run)).containsExactly(2, 0);
        long withheld = (10_000 - a.reserved()) + (5_000 - b.reserved());
        SettlementStatement s = statement(run);
        assertThat(s.reserveWithheld()).isEqualTo(withheld);
        assertThat(s.released()).isEqualTo(SettlingSeller.net(a) + SettlingSeller.net(b) - withheld);
        assertThat(store.tracked(a.id().value()).orElseThrow().reserveWithheld()).isEqualTo(10_000 - a.reserved());
        assertThat(seller.balance("MERCHANT_RESERVE")).isEqualTo(15_000);

        clock.advance(Duration.ofDays(31));
        SettlementRun later = settlement.run(seller.today(), "test");
        SettlementStatement back = statement(later);
        assertThat(back.reserveReleased()).isEqualTo(15_000);
        assertThat(back.lines()).extracting(SettlementStatement.Line::amount).containsExactlyInAnyOrder(10_000L, 5_000L);
        assertThat(seller.balance("MERCHANT_RESERVE")).isZero();
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(SettlingSeller.net(a) + SettlingSeller.net(b) + a.reserved() + b.reserved());
    }

    @Test
    void aRangeTheLedgerRefusedMovedNothingAndItsPaymentsAreReleasedOnceByTheNextRun() {
        Payment a = seller.captured(10_000);
        Payment b = seller.captured(20_000);
        // the ledger already holds another transfer under the id of the range's release: it refuses the release
        AccountId pending = fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR").id();
        AccountId clearing = AccountId.derived("platform:CONNECTOR_CLEARING:" + a.connector() + ":EUR");
        runs.onCheckpoint(point -> {
            if (!"planned".equals(point)) {
                return;
            }
            jdbc.sql("select transfer_id from settlement_postings where merchant_id = ? and kind = 'RELEASE' and status = 'PENDING'")
                    .param(merchant.value()).query(UUID.class).list().forEach(id -> assertThat(ledger.submit(List.of(
                            Transfer.posted(new TransferId(id), clearing, pending, 1, "EUR", "TEST_CONFLICT"))))
                            .containsExactly(TransferResult.OK));
        });
        SettlementRun refused;
        try {
            refused = settlement.run(target2.plusBusinessDays(seller.today(), 2), "test");
        } finally {
            runs.onCheckpoint(null);
        }
        assertThat(refused.status()).isEqualTo(SettlementRun.Status.COMPLETED);
        assertThat(rows(refused)).containsExactly(2, 0);
        assertThat(jdbc.sql("select status from settlement_postings where run_id = ? and merchant_id = ?")
                .params(refused.id().value(), merchant.value()).query(String.class).single()).isEqualTo("REFUSED");
        assertThat(settled(a) + settled(b)).as("a refused range moved nothing").isZero();
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isZero();

        clock.advance(Duration.ofDays(5));
        SettlementRun next = settlement.run(seller.today(), "test");
        SettlementStatement s = statement(next);
        assertThat(s.released()).isEqualTo(SettlingSeller.net(a) + SettlingSeller.net(b));
        assertThat(rows(next)).as("outside the new range: each by a line").containsExactly(0, 2);
        assertThat(settled(a)).isEqualTo(SettlingSeller.net(a));
        assertThat(settled(b)).isEqualTo(SettlingSeller.net(b));
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(SettlingSeller.net(a) + SettlingSeller.net(b));
        assertThat(seller.balance("MERCHANT_PENDING")).as("only the conflicting cent is left").isEqualTo(1);

        clock.advance(Duration.ofDays(3));
        SettlementRun after = settlement.run(seller.today(), "test");
        assertThat(settlement.statements(actor, merchant, after.id(), 10).orElseThrow()).isEmpty();
    }

    @Test
    void aRangeBelowTheMinimumPayoutWaitsAndTheNextRangeStartsWhereTheLastOneEnded() {
        seller.policy(new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 0, "TARGET2", 0, 90, 15_000));
        Payment first = seller.captured(10_000);
        SettlementRun dropped = settlement.run(target2.plusBusinessDays(seller.today(), 0), "test");
        assertThat(rows(dropped)).containsExactly(0, 0);
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isZero();

        clock.advance(Duration.ofDays(3));
        Payment second = seller.captured(10_000);
        SettlementRun run = settlement.run(target2.plusBusinessDays(seller.today(), 0), "test");
        assertThat(rows(run)).containsExactly(2, 0);
        assertThat(statement(run).released()).isEqualTo(SettlingSeller.net(first) + SettlingSeller.net(second));
        assertThat(seller.balance("MERCHANT_AVAILABLE")).isEqualTo(SettlingSeller.net(first) + SettlingSeller.net(second));
        assertThat(settled(first)).isEqualTo(SettlingSeller.net(first));
    }
}
