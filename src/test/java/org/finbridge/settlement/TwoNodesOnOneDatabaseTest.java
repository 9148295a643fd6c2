package org.finbridge.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finbridge.FinbridgeApplication;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.Actor;
import org.finbridge.party.BankAccountResult;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.NewBankAccount;
import org.finbridge.party.NewParty;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestClockConfiguration;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one database (issue 5 §3): both asked to settle the same date at the same
 * moment, and to pay out and write the bank file at the same moment: every run, payout and file line
 * happens exactly once.
 */
@DatabaseTest
class TwoNodesOnOneDatabaseTest {

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoNodes() {
        TestDatabase.Fresh db = TestDatabase.freshShared("stl_two_nodes");
        a = node(db);
        b = node(db);
    }

    static ConfigurableApplicationContext node(TestDatabase.Fresh db) {
        List<String> args = new ArrayList<>(List.of(db.springArguments()));
        args.add("--finbridge.scheduling.enabled=false");
        args.add("--logging.level.org.finbridge=WARN");
        args.add("--finbridge.risk.fraud.mode=SHADOW"); // scored and stored; test cards reused at machine pace
        return new SpringApplicationBuilder(FinbridgeApplication.class, TestClockConfiguration.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
            if (c != null) {
                c.close();
            }
        }
    }

    static <T> List<T> atOnce(Callable<T> onA, Callable<T> onB) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(List.of(onA, onB))) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void eachRunAndEachPayoutHappensOnce() throws Exception {
        Parties parties = a.getBean(Parties.class);
        String name = "Two Nodes Merchant " + UUID.randomUUID().toString().substring(0, 6) + " GmbH";
        PartyId merchant = ((Registration.Registered) parties.register(new NewParty(PartyKind.MERCHANT, "DE", name, null,
                "ops@merchant.test", null, Map.of()))).party().id();
        PartyId operatorParty = ((Registration.Registered) parties.register(new NewParty(PartyKind.OPERATOR, "CN", "Ops "
                + UUID.randomUUID(), null, "ops@finbridge.test", null, Map.of()))).party().id();
        Actor merchantActor = PaymentFixtures.merchantActor(merchant);
        Actor operator = PaymentFixtures.operatorActor(operatorParty);
        PaymentFixtures fixtures = new PaymentFixtures(parties, a.getBean(Ledger.class), a.getBean(CardTokenizer.class));
        Payments payments = a.getBean(Payments.class);
        a.getBean(Settlement.class).setPolicy(operator, merchant,
                new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 0, "TARGET2", 0, 90, 0));
        long expected = 0;
        for (int i = 1; i <= 30; i++) {
            var p = PaymentFixtures.done(payments.create(merchantActor, PaymentFixtures.payment(merchant, 1_000L * i, "EUR",
                    fixtures.card(PaymentFixtures.VISA_OK), CaptureMethod.AUTOMATIC, "DE")));
            expected += p.captured() - p.feesAcquirer() - p.feesPlatform() - p.reserved();
        }
        java.time.Clock clock = a.getBean(java.time.Clock.class);
        // a week on, every capture is released whatever the calendar says
        LocalDate date = clock.instant().atZone(ZoneId.of("Europe/Berlin")).toLocalDate().plusDays(7);

        List<SettlementRun> runs = atOnce(() -> a.getBean(Settlement.class).run(date, "node-a"),
                () -> b.getBean(Settlement.class).run(date, "node-b"));
        assertThat(runs.get(0).id()).isEqualTo(runs.get(1).id());
        SettlementRun run = a.getBean(Settlement.class).run(date, "node-a");
        assertThat(run.status()).isEqualTo(SettlementRun.Status.COMPLETED);
        assertThat(run.posted()).isEqualTo(30);
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_AVAILABLE", "EUR").postedCreditBalance().minorUnits())
                .isEqualTo(expected);
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from settlement_runs").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from settlement_statements").query(Long.class).single()).isEqualTo(1);

        String account = ((BankAccountResult.Saved) a.getBean(BankAccounts.class).add(merchant, new NewBankAccount("EUR", "DE",
                "DE89370400440532013000", null, "COBADEFFXXX", null, name), "test")).account().id();
        NewPayout request = new NewPayout(merchant, 5_000, "EUR", account, null, "same-request");
        List<PayoutResult> created = atOnce(() -> a.getBean(Payouts.class).create(merchantActor, request),
                () -> b.getBean(Payouts.class).create(merchantActor, request));
        assertThat(created).allMatch(r -> r instanceof PayoutResult.Done || r instanceof PayoutResult.Existing);
        assertThat(jdbc.sql("select count(*) from payouts").query(Long.class).single()).isEqualTo(1);
        long fee = Rail.LOCAL_EUR.feeMinorUnits();
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_AVAILABLE", "EUR").postedCreditBalance().minorUnits())
                .isEqualTo(expected - 5_000 - fee);

        List<Optional<PayoutBatchFile>> files = atOnce(() -> a.getBean(Payouts.class).writeBatch(operator, "EUR"),
                () -> b.getBean(Payouts.class).writeBatch(operator, "EUR"));
        assertThat(files.stream().filter(Optional::isPresent).count()).as("one bank file carries the payout").isEqualTo(1);
        assertThat(files.stream().flatMap(Optional::stream).findFirst().orElseThrow().numberOfTransactions()).isEqualTo(1);

        LedgerInvariants.Report report = a.getBean(LedgerInvariants.class).sweep();
        assertThat(report.violations()).as(report.toString()).isEmpty();
    }
}
