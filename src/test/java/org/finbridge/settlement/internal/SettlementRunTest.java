package org.finbridge.settlement.internal;

import org.finbridge.audit.AuditLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.finbridge.payments.PaymentFixtures.done;
import static org.finbridge.payments.PaymentFixtures.merchantActor;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finbridge.ledger.Ledger;
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
import org.finbridge.settlement.SettlementResult;
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

/**
 * Settlement runs over real captured payments: what each policy releases and when, the statement, and
 * exactly-once under a crash between the ledger's answer and its recording, and with two nodes at once.
 */
@ApplicationTest
class SettlementRunTest {

    @Autowired
    Settlement settlement;
    @Autowired
    SettlementRuns runs;
    @Autowired
    SettlementStore store;
    @Autowired
    AuditLog audit;
    @Autowired
    MerchantAccounts accounts;
    @Autowired
    Payments payments;
    @Autowired
    Parties parties;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    org.finbridge.ledger.LedgerInvariants invariants;
    @Autowired
    org.finbridge.trade.Orders orders;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

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
        policy(new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 2, "TARGET2", 0, 90, 0));
    }

    @AfterEach
    void noInterruptions() {
        runs.onCheckpoint(null);
        // refunds, disputes and chargebacks here all change payments after capture: each must have marked its payment
        assertThat(store.unmarkedChanges()).as("payments changed since tracked but not marked").isEmpty();
    }

    private void policy(SettlementPolicy p) {
        seller.policy(p);
    }

    private Payment captured(long amount) {
        return seller.captured(amount);
    }

    private long balance(String type) {
        return seller.balance(type);
    }

    private LocalDate today() {
        return seller.today();
    }

    private static long net(Payment p) {
        return SettlingSeller.net(p);
    }

    private List<SettlementStatement> statements(SettlementRun run) {
        return settlement.statements(actor, merchant, run.id(), 10).orElseThrow();
    }

    @Test
    void capturedMoneyIsReleasedAfterTwoBusinessDaysAndNotBefore() {
        Payment p = captured(10_000);
        assertThat(p.captured()).isEqualTo(10_000);
        long pending = balance("MERCHANT_PENDING");
        assertThat(pending).isEqualTo(net(p));
        LocalDate release = target2.plusBusinessDays(today(), 2);

        SettlementRun early = settlement.run(release.minusDays(1), "test");
        assertThat(early.status()).isEqualTo(SettlementRun.Status.COMPLETED);
        assertThat(statements(early)).isEmpty();
        assertThat(balance("MERCHANT_AVAILABLE")).isZero();

        SettlementRun run = settlement.run(release, "test");
        assertThat(run.status()).isEqualTo(SettlementRun.Status.COMPLETED);
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(net(p));
        assertThat(balance("MERCHANT_PENDING")).isZero();
        List<SettlementStatement> st = statements(run);
        assertThat(st).hasSize(1);
        assertThat(st.getFirst().released()).isEqualTo(net(p));
        assertThat(st.getFirst().netToAvailable()).isEqualTo(net(p));
        assertThat(st.getFirst().lines()).singleElement().satisfies(l -> {
            assertThat(l.paymentId()).isEqualTo(p.id());
            assertThat(l.kind()).isEqualTo("RELEASE");
            assertThat(l.status()).isEqualTo("POSTED");
        });

        // asking again answers the same completed run and moves nothing
        SettlementRun again = settlement.run(release, "test");
        assertThat(again.id()).isEqualTo(run.id());
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(net(p));
    }

    @Test
    void anotherMerchantSeesNoneOfTheStatements() {
        captured(5_000);
        SettlementRun run = settlement.run(target2.plusBusinessDays(today(), 2), "test");
        assertThat(statements(run)).hasSize(1);
        PartyId other = fixtures.merchant("FR");
        assertThat(settlement.statements(merchantActor(other), merchant, run.id(), 10)).isEmpty();
        assertThat(settlement.policy(merchantActor(other), merchant)).isEmpty();
        assertThat(settlement.setPolicy(actor, merchant, SettlementPolicy.standard()))
                .as("a merchant does not set its own terms").isInstanceOf(SettlementResult.NotFound.class);
    }

    @Test
    void onDeliveryMoneyWaitsForTheDeliveryConfirmation() {
        policy(new SettlementPolicy(ReleaseMode.ON_DELIVERY, 0, "CN", 0, 90, 0));
        Payment p = captured(8_000);
        settlement.run(today().plusDays(5), "test");
        assertThat(balance("MERCHANT_AVAILABLE")).isZero();

        clock.advance(Duration.ofDays(6));
        assertThat(settlement.confirmDelivery(operator, p.id())).isEqualTo(new SettlementResult.DeliveryRecorded(false));
        assertThat(settlement.confirmDelivery(operator, p.id())).isEqualTo(new SettlementResult.DeliveryRecorded(true));
        SettlementRun run = settlement.run(clock.instant().atZone(BusinessCalendars.of("CN").zone()).toLocalDate(), "test");
        assertThat(statements(run).getFirst().released()).isEqualTo(net(p));
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(net(p));
    }

    @Test
    void theRollingReserveIsToppedUpAtReleaseAndReturnedAfterItsDays() {
        policy(new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 1, "TARGET2", 1_000, 30, 0));
        Payment p = captured(100_000);
        long reservedAtCapture = p.reserved();
        long topUp = 10_000 - reservedAtCapture; // 10 % in all
        assertThat(topUp).isPositive();

        SettlementRun run = settlement.run(target2.plusBusinessDays(today(), 1), "test");
        SettlementStatement s = statements(run).getFirst();
        assertThat(s.reserveWithheld()).isEqualTo(topUp);
        assertThat(s.released()).isEqualTo(net(p) - topUp);
        assertThat(balance("MERCHANT_RESERVE")).isEqualTo(10_000);
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(net(p) - topUp);

        clock.advance(Duration.ofDays(31));
        SettlementRun later = settlement.run(today(), "test");
        assertThat(statements(later).getFirst().reserveReleased()).isEqualTo(10_000);
        assertThat(balance("MERCHANT_RESERVE")).isZero();
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(net(p) + reservedAtCapture);
    }

    @Test
    void aReleaseBelowTheMinimumWaitsAndAccumulates() {
        policy(new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 0, "TARGET2", 0, 90, 15_000));
        Payment first = captured(10_000);
        LocalDate d1 = target2.plusBusinessDays(today(), 0);
        assertThat(statements(settlement.run(d1, "test"))).isEmpty();
        assertThat(balance("MERCHANT_AVAILABLE")).isZero();

        clock.advance(Duration.ofDays(3));
        Payment second = captured(10_000);
        SettlementRun run = settlement.run(target2.plusBusinessDays(today(), 0), "test");
        assertThat(statements(run).getFirst().released()).isEqualTo(net(first) + net(second));
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(net(first) + net(second));
    }

    @Test
    void aRefundAfterReleaseIsRecoveredFromAvailableInTheNextRun() {
        Payment p = captured(10_000);
        SettlementRun released = settlement.run(target2.plusBusinessDays(today(), 2), "test");
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(net(p));

        clock.advance(Duration.ofDays(5));
        Payment refunded = done(payments.refund(actor, p.id(), 3_000L, "returned"));
        // two business days ahead can be five calendar days away (a Friday holiday): never the same date's run again
        SettlementRun run = seller.runAfter(released);
        SettlementStatement s = statements(run).getFirst();
        assertThat(s.recovered()).isEqualTo(3_000);
        assertThat(s.netToAvailable()).isEqualTo(-3_000);
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(net(refunded));
        assertThat(balance("MERCHANT_PENDING")).isZero();
    }

    @Test
    void aRefundOwedBackAndNewReleasesInOneRunAreNettedSoOnlyTheDifferenceMoves() {
        Payment first = captured(10_000);
        settlement.run(target2.plusBusinessDays(today(), 2), "test");
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(net(first));

        clock.advance(Duration.ofDays(5));
        done(payments.refund(actor, first.id(), 4_000L, "returned"));
        Payment second = captured(20_000);
        long availableBefore = balance("MERCHANT_AVAILABLE");
        SettlementRun run = settlement.run(target2.plusBusinessDays(today(), 2), "test");
        SettlementStatement s = statements(run).getFirst();
        assertThat(s.released()).isEqualTo(net(second));
        assertThat(s.recovered()).isEqualTo(4_000);
        assertThat(s.netted()).as("the recovery is carried inside the release").isEqualTo(4_000);
        assertThat(s.netToAvailable()).isEqualTo(net(second) - 4_000);
        assertThat(s.lines()).extracting(SettlementStatement.Line::status).containsOnly("POSTED");
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(availableBefore + net(second) - 4_000);
        assertThat(balance("MERCHANT_PENDING")).isZero();
        // one ledger transfer of the difference between the merchant's pending and available accounts, none back
        var available = fixtures.merchantAccount(merchant, "MERCHANT_AVAILABLE", "EUR");
        assertThat(jdbc.sql("select count(*) from ledger_transfers where external_ref = ? and (debit_account_id = ? or credit_account_id = ?)")
                .params(run.id().toString(), available.id().value(), available.id().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select amount from ledger_transfers where external_ref = ? and credit_account_id = ?")
                .params(run.id().toString(), available.id().value()).query(Long.class).single()).isEqualTo(net(second) - 4_000);
        // what settlement moved per payment still counts both gross lines
        assertThat(store.tracked(first.id().value()).orElseThrow().settled()).isEqualTo(net(first) - 4_000);
        assertThat(store.tracked(second.id().value()).orElseThrow().settled()).isEqualTo(net(second));
    }

    @Test
    void aLoanSweepInTheSameWindowIsNettedSoOnlyTheRestReachesAvailableAndTheStatementShowsIt() {
        Payment p = captured(10_000);
        // the account a lender's sweep is paid into, opened by the claimant as financing would
        org.finbridge.ledger.AccountId loan = org.finbridge.ledger.AccountId.derived("test:loan-sweep:" + merchant + ":EUR");
        assertThat(ledger.createAccount(new org.finbridge.ledger.NewAccount(loan, org.finbridge.money.CurrencyCode.of("EUR"),
                "LOAN_PRINCIPAL", "platform", java.util.Set.of()))).isEqualTo(org.finbridge.ledger.AccountResult.OK);
        List<Long> offered = new ArrayList<>();
        org.finbridge.settlement.SettlementSweeps lender = (m, currency, releasable, date) -> {
            if (!m.equals(merchant)) {
                return List.of();
            }
            offered.add(releasable);
            // the second take would pass what is left of the release: it is left out, never moved in part
            return List.of(new org.finbridge.settlement.SettlementSweeps.Take(loan, 3_000, "loan-1"),
                    new org.finbridge.settlement.SettlementSweeps.Take(loan, releasable, "loan-2"));
        };
        SettlementRuns node = new SettlementRuns(store, audit, ledger, accounts, transactions, (Clock) clock, Duration.ofMinutes(2),
                List.of(lender));
        LocalDate release = target2.plusBusinessDays(today(), 2);
        SettlementRun run = node.run(release, "test");

        assertThat(run.status()).isEqualTo(SettlementRun.Status.COMPLETED);
        assertThat(offered).as("asked once, with what the run releases").containsExactly(net(p));
        SettlementStatement s = statements(run).getFirst();
        assertThat(s.released()).isEqualTo(net(p));
        assertThat(s.swept()).isEqualTo(3_000);
        assertThat(s.netToAvailable()).isEqualTo(net(p) - 3_000);
        assertThat(s.takes()).extracting(SettlementStatement.Take::reference, SettlementStatement.Take::amount,
                SettlementStatement.Take::status).containsExactly(org.assertj.core.groups.Tuple.tuple("loan-1", 3_000L, "POSTED"));
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(net(p) - 3_000);
        assertThat(balance("MERCHANT_PENDING")).isZero();
        assertThat(ledger.account(loan).orElseThrow().postedCreditBalance().minorUnits()).isEqualTo(3_000);
        // only the net moves into available: one transfer of the rest, none out again for the sweep
        var available = fixtures.merchantAccount(merchant, "MERCHANT_AVAILABLE", "EUR");
        assertThat(jdbc.sql("select amount from ledger_transfers where external_ref = ? and credit_account_id = ?")
                .params(run.id().toString(), available.id().value()).query(Long.class).list()).containsExactly(net(p) - 3_000);
        assertThat(jdbc.sql("select count(*) from ledger_transfers where debit_account_id = ?").param(available.id().value())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select code from ledger_transfers where credit_account_id = ?").param(loan.value())
                .query(String.class).list()).containsExactly("SETTLEMENT_SWEEP");

        // asked again, the completed run moves nothing twice
        assertThat(node.run(release, "test").status()).isEqualTo(SettlementRun.Status.COMPLETED);
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(net(p) - 3_000);
        assertThat(ledger.account(loan).orElseThrow().postedCreditBalance().minorUnits()).isEqualTo(3_000);
        assertThat(invariants.sweep().isClean()).isTrue();
    }

    @Test
    void aRunInterruptedAfterTheLedgerAnsweredIsFinishedOnceByTheNextNode() {
        List<Payment> paid = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            paid.add(captured(1_000L * i));
        }
        long expected = paid.stream().mapToLong(SettlementRunTest::net).sum();
        LocalDate release = target2.plusBusinessDays(today(), 2);
        runs.onCheckpoint(point -> {
            if (point.equals("submitted")) {
                throw new IllegalStateException("node killed after the ledger committed, before the run recorded it");
            }
        });
        assertThatThrownBy(() -> settlement.run(release, "test")).hasMessageContaining("node killed");
        runs.onCheckpoint(null);
        assertThat(balance("MERCHANT_AVAILABLE")).as("the ledger applied the transfers").isEqualTo(expected);
        SettlementRun stuck = store.runOf(release).orElseThrow();
        assertThat(stuck.status()).isEqualTo(SettlementRun.Status.PLANNED);

        SettlementRuns nextNode = node();
        assertThat(nextNode.run(release, "test").status()).as("the dead node's lease still runs")
                .isEqualTo(SettlementRun.Status.PLANNED);
        clock.advance(Duration.ofMinutes(3));
        SettlementRun done = nextNode.run(release, "test");
        assertThat(done.status()).isEqualTo(SettlementRun.Status.COMPLETED);
        assertThat(done.refused()).isZero();
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(expected);
        assertThat(balance("MERCHANT_PENDING")).isZero();
        SettlementStatement s = statements(done).getFirst();
        assertThat(s.released()).isEqualTo(expected);
        assertThat(s.lines()).hasSize(5);
        long settled = 0;
        for (Payment p : paid) {
            settled += store.tracked(p.id().value()).orElseThrow().settled();
        }
        assertThat(settled).as("what settlement moved per payment, once").isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from settlement_postings where run_id = ? and merchant_id = ?")
                .params(done.id().value(), merchant.value())
                .query(Long.class).single()).as("one ledger transfer for the merchant's releases").isEqualTo(1);
    }

    @Test
    void twoNodesAskingForTheSameRunMoveEveryAmountOnce() throws Exception {
        List<Payment> paid = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            paid.add(captured(500L * i));
        }
        long expected = paid.stream().mapToLong(SettlementRunTest::net).sum();
        LocalDate release = target2.plusBusinessDays(today(), 2);
        SettlementRuns a = node();
        SettlementRuns b = node();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<SettlementRun>> work = List.of(() -> a.run(release, "node-a"), () -> b.run(release, "node-b"));
            for (Future<SettlementRun> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // whichever node lost the claim left the run to the winner; a later call finishes anything left
        SettlementRun run = a.run(release, "node-a");
        assertThat(run.status()).isEqualTo(SettlementRun.Status.COMPLETED);
        assertThat(jdbc.sql("select count(*) from settlement_runs where business_date = ?").param(release)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(expected);
        assertThat(statements(run).getFirst().lines()).hasSize(20);
        assertThat(statements(run)).hasSize(1);
    }

    /** Another application node on the same database: same beans underneath, its own node id. */
    private SettlementRuns node() {
        return new SettlementRuns(store, audit, ledger, accounts, transactions, (Clock) clock, Duration.ofMinutes(2), List.of());
    }

    @Test
    void theTradeModulesDeliveryOfTheOrderReleasesItsPayment() {
        policy(new SettlementPolicy(ReleaseMode.ON_DELIVERY, 0, "CN", 0, 90, 0));
        PartyId marketplace = ((org.finbridge.party.Registration.Registered) parties.register(new org.finbridge.party.NewParty(
                org.finbridge.party.PartyKind.MARKETPLACE, "CN", "Marketplace " + java.util.UUID.randomUUID(), null,
                "mp@example.com", null, java.util.Map.of()))).party().id();
        String orderNumber = "ORD-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var recorded = orders.submit(new org.finbridge.trade.NewOrder(marketplace.toString(), orderNumber, merchant.toString(), null,
                "buyer-1", "EUR", 8_000L, clock.instant().toString(),
                List.of(new org.finbridge.trade.NewOrder.Item("392690", "phone case", 1L, 8_000L))), operator);
        assertThat(recorded).as(recorded.toString()).isInstanceOf(org.finbridge.trade.OrderResult.Recorded.class);
        Payment p = done(payments.create(actor, new org.finbridge.payments.NewPayment(merchant, org.finbridge.money.Money.ofMinor(8_000, "EUR"),
                orderNumber, new org.finbridge.payments.Buyer(null, "DE"), fixtures.card(PaymentFixtures.VISA_OK), CaptureMethod.AUTOMATIC, true)));
        settlement.run(today().plusDays(3), "test");
        assertThat(balance("MERCHANT_AVAILABLE")).isZero();

        clock.advance(Duration.ofDays(5));
        events.publishEvent(new org.finbridge.trade.ShipmentDelivered(new org.finbridge.trade.ShipmentId(java.util.UUID.randomUUID()),
                new org.finbridge.trade.OrderReference(marketplace, orderNumber), marketplace, "SF", "SF1234567890", clock.instant()));
        SettlementRun run = settlement.run(clock.instant().atZone(BusinessCalendars.of("CN").zone()).toLocalDate(), "test");
        assertThat(statements(run).getFirst().released()).isEqualTo(net(p));
        assertThat(balance("MERCHANT_AVAILABLE")).isEqualTo(net(p));
    }
}
