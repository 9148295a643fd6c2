package org.finbridge.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.finbridge.payments.PaymentFixtures.done;
import static org.finbridge.payments.PaymentFixtures.merchantActor;
import static org.finbridge.payments.PaymentFixtures.payment;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.finbridge.financing.Financing;
import org.finbridge.financing.FinancingFixtures;
import org.finbridge.financing.Loan;
import org.finbridge.financing.LoanEvents;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.LoanResult;
import org.finbridge.financing.Programme;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
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
import org.finbridge.settlement.SettlementSweeps;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Issue 5 §2 across settlement and financing: a seller with an active revenue-based advance (15 % of every
 * settlement) has its card sales settled by a real settlement run. The run nets the loan's share: the statement shows
 * it swept, only the rest reaches the seller's available balance, financing applies the take to the loan exactly
 * once (its servicing run after, again and again), and a run resumed after a crash does not repay twice.
 */
@ApplicationTest
@RecordApplicationEvents
class LoanSweepNettingJourneyTest {

    static final ZoneId FINANCING_ZONE = ZoneId.of("Asia/Shanghai");
    static final long ADVANCE = 1_000_000;
    static final long FEE = 50_000;

    @LocalServerPort
    int port;
    @Autowired
    TestActors actors;
    @Autowired
    Ledger ledger;
    @Autowired
    Financing financing;
    @Autowired
    List<SettlementSweeps> sweeps;
    @Autowired
    Settlement settlement;
    @Autowired
    SettlementRuns runs;
    @Autowired
    Payments payments;
    @Autowired
    Parties parties;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerInvariants invariants;
    @Autowired
    ApplicationEvents events;
    @Autowired
    SettlementStore store;
    @Autowired
    org.finbridge.audit.AuditLog audit;
    @Autowired
    MerchantAccounts accounts;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    BusinessCalendars.Calendar target2 = BusinessCalendars.of("TARGET2");
    FinancingFixtures fx;
    PaymentFixtures cards;
    PartyId merchant;
    Actor seller;
    LoanId loan;

    @BeforeEach
    void aSellerWithAnActiveSweepLoan() {
        // settlement dates no other test has run (one run per business date)
        clock.advance(Duration.ofDays(40));
        fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        cards = new PaymentFixtures(parties, ledger, tokenizer);
        Actor operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
        merchant = fx.approvedMerchant();
        seller = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        assertThat(settlement.setPolicy(operator, merchant, new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 2, "TARGET2", 0, 90, 0)))
                .isInstanceOf(SettlementResult.PolicySet.class);
        PartyId lender = fx.fundedLender("EUR", 5_000_000);
        Programme programme = fx.programme(lender, FinancingFixtures.revenueBased("EUR", 500, 1_500, 1_000, 2_000_000));
        Loan applied = ((LoanResult.Done) financing.apply(seller, merchant, programme.id(), ADVANCE, "rbf-" + merchant)).loan();
        financing.decide(operator, applied.id(), true, "sales history checked");
        LoanResult accepted = financing.accept(seller, applied.id());
        assertThat(accepted).as(String.valueOf(accepted)).isInstanceOf(LoanResult.Done.class);
        loan = applied.id();
        assertThat(outstanding()).isEqualTo(ADVANCE + FEE);
        // the seller spends the advance: from here its available balance is what its settlements bring
        fx.spendAll(merchant, "EUR");
    }

    @AfterEach
    void noInterruptions() {
        runs.onCheckpoint(null);
    }

    private long outstanding() {
        return financing.loan(seller, loan).orElseThrow().outstanding().total();
    }

    private Payment captured(long amount) {
        return done(payments.create(merchantActor(merchant), payment(merchant, amount, "EUR",
                cards.card(PaymentFixtures.VISA_OK), CaptureMethod.AUTOMATIC, "DE")));
    }

    private static long net(Payment p) {
        return p.captured() - p.feesAcquirer() - p.feesPlatform() - p.reserved() - p.refunded();
    }

    private LocalDate releaseDate() {
        return target2.plusBusinessDays(clock.instant().atZone(target2.zone()).toLocalDate(), 2);
    }

    private LocalDate financingToday() {
        return clock.instant().atZone(FINANCING_ZONE).toLocalDate();
    }

    private long available() {
        return fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:EUR");
    }

    private long sweepRepayments() {
        return jdbc.sql("select count(*) from loan_repayments where loan_id = ? and source = 'SWEEP'").param(loan.value())
                .query(Long.class).single();
    }

    private SettlementStatement statement(SettlementRun run) {
        return settlement.statements(merchantActor(merchant), merchant, run.id(), 10).orElseThrow().getFirst();
    }

    @Test
    void theRunNetsTheLoansShareTheLoanFallsByExactlyThatOnceAndOnlyTheNetReachesTheSeller() {
        Payment p = captured(100_000);
        long released = net(p);
        long take = released * 1_500 / 10_000;
        LocalDate release = releaseDate();
        clock.advance(Duration.ofDays(5));

        SettlementRun run = settlement.run(release, "test");
        assertThat(run.status()).isEqualTo(SettlementRun.Status.COMPLETED);
        SettlementStatement s = statement(run);
        assertThat(s.released()).isEqualTo(released);
        assertThat(s.swept()).isEqualTo(take);
        assertThat(s.netToAvailable()).isEqualTo(released - take);
        assertThat(s.takes()).singleElement().satisfies(t -> {
            assertThat(t.reference()).isEqualTo(loan.toString());
            assertThat(t.amount()).isEqualTo(take);
            assertThat(t.status()).isEqualTo("POSTED");
        });
        // only the net reaches available; the take waits for financing in the loan's clearing account
        assertThat(available()).isEqualTo(released - take);
        assertThat(fx.credit("loan:" + loan + ":LOAN_SWEEP_CLEARING:EUR")).isEqualTo(take);
        assertThat(outstanding()).isEqualTo(ADVANCE + FEE);

        Financing.ServicingReport report = financing.service(financingToday());
        assertThat(report.swept()).as("other tests' loans may be serviced too").isGreaterThanOrEqualTo(take);
        assertThat(outstanding()).as("the loan falls by exactly the take").isEqualTo(ADVANCE + FEE - take);
        assertThat(fx.credit("loan:" + loan + ":LOAN_SWEEP_CLEARING:EUR")).isZero();
        assertThat(available()).as("nothing more is swept from the seller's balance").isEqualTo(released - take);
        assertThat(events.stream(LoanEvents.Repaid.class).filter(e -> e.loan().equals(loan))).singleElement()
                .satisfies(e -> {
                    assertThat(e.source()).isEqualTo("SWEEP");
                    assertThat(e.amount()).isEqualTo(take);
                });

        // financing's jobs run again, the same day and the next hour: nothing is collected twice
        financing.service(financingToday());
        clock.advance(Duration.ofHours(1));
        financing.service(financingToday());
        assertThat(outstanding()).isEqualTo(ADVANCE + FEE - take);
        assertThat(available()).isEqualTo(released - take);
        assertThat(sweepRepayments()).isEqualTo(1);
        // and the completed run asked again moves nothing
        assertThat(settlement.run(release, "test").status()).isEqualTo(SettlementRun.Status.COMPLETED);
        assertThat(available()).isEqualTo(released - take);
        assertThat(invariants.sweep().violations()).isEmpty();
    }

    @Test
    void aRunResumedAfterACrashWithTheTakeAlreadyAppliedDoesNotRepayTwice() {
        Payment p = captured(80_000);
        long released = net(p);
        long take = released * 1_500 / 10_000;
        LocalDate release = releaseDate();
        clock.advance(Duration.ofDays(5));
        runs.onCheckpoint(point -> {
            if (point.equals("submitted")) {
                throw new IllegalStateException("node killed after the ledger committed, before the run recorded it");
            }
        });
        assertThatThrownBy(() -> settlement.run(release, "test")).hasMessageContaining("node killed");
        runs.onCheckpoint(null);
        assertThat(available()).as("the ledger moved the net release").isEqualTo(released - take);

        // financing's hourly job runs while the run is stuck: it applies the take the ledger holds
        financing.service(financingToday());
        assertThat(outstanding()).isEqualTo(ADVANCE + FEE - take);

        // the lease runs out and the run is resumed: its transfers answer EXISTS, and the take is not applied again
        clock.advance(Duration.ofMinutes(3));
        SettlementRun done = settlement.run(release, "test");
        assertThat(done.status()).isEqualTo(SettlementRun.Status.COMPLETED);
        assertThat(statement(done).swept()).isEqualTo(take);
        financing.service(financingToday());
        financing.service(financingToday());
        assertThat(outstanding()).isEqualTo(ADVANCE + FEE - take);
        assertThat(sweepRepayments()).isEqualTo(1);
        assertThat(available()).isEqualTo(released - take);
        assertThat(fx.credit("loan:" + loan + ":LOAN_SWEEP_CLEARING:EUR")).isZero();

        // a later settlement takes its share of what is left to pay, once more
        Payment second = captured(60_000);
        long take2 = net(second) * 1_500 / 10_000;
        LocalDate release2 = releaseDate();
        clock.advance(Duration.ofDays(5));
        assertThat(statement(settlement.run(release2, "test")).swept()).isEqualTo(take2);
        financing.service(financingToday());
        assertThat(outstanding()).isEqualTo(ADVANCE + FEE - take - take2);
        assertThat(sweepRepayments()).isEqualTo(2);
        assertThat(invariants.sweep().violations()).isEmpty();
    }
    @Test
    void twoNodesWorkingTheRunAndServicingAtOnceRepayTheLoanOnce() throws Exception {
        Payment p = captured(120_000);
        long take = net(p) * 1_500 / 10_000;
        LocalDate release = releaseDate();
        clock.advance(Duration.ofDays(5));
        // two nodes, each with financing's netting hook, ask for the same run at the same time
        SettlementRuns a = new SettlementRuns(store, audit, ledger, accounts, transactions, clock, Duration.ofMinutes(2), sweeps);
        SettlementRuns b = new SettlementRuns(store, audit, ledger, accounts, transactions, clock, Duration.ofMinutes(2), sweeps);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<SettlementRun>> runs2 = pool.invokeAll(List.of(() -> a.run(release, "node-a"),
                    () -> b.run(release, "node-b")));
            for (var f : runs2) {
                f.get();
            }
            SettlementRun run = settlement.run(release, "test");
            assertThat(run.status()).isEqualTo(SettlementRun.Status.COMPLETED);
            assertThat(statement(run).swept()).isEqualTo(take);
            assertThat(available()).isEqualTo(net(p) - take);
            // and both nodes' financing jobs fire at the same moment
            LocalDate today = financingToday();
            List<java.util.concurrent.Future<Financing.ServicingReport>> serviced = pool.invokeAll(List.of(
                    () -> financing.service(today), () -> financing.service(today)));
            for (var f : serviced) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outstanding()).isEqualTo(ADVANCE + FEE - take);
        assertThat(sweepRepayments()).isEqualTo(1);
        assertThat(fx.credit("loan:" + loan + ":LOAN_SWEEP_CLEARING:EUR")).isZero();
        assertThat(available()).isEqualTo(net(p) - take);
        assertThat(invariants.sweep().violations()).isEmpty();
    }
}
