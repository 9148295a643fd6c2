package org.finbridge.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.finbridge.FinbridgeApplication;
import org.finbridge.bench.SettlementScenario;
import org.finbridge.party.BankAccount;
import org.finbridge.party.BankAccountResult;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.NewBankAccount;
import org.finbridge.party.PartyId;
import org.finbridge.payments.PaymentFixtures;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application process {@link SettlementCrashTest} kills: {@code seed <payments> <merchants> <date>} seeds
 * captured payments (as the settlement benchmark does) and each merchant's bank account; {@code work <date>}
 * settles the date, pays every merchant out once (reference {@code crash-<date>}) and writes the bank files,
 * printing READY when the application is up and DONE when everything is through. A killed worker is simply
 * started again: everything it does is resumable and idempotent, which is what the test proves.
 */
public final class SettlementCrashWorker {

    static final long PAYOUT_MINOR_UNITS = 10_000;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        List<String> spring = new ArrayList<>(Arrays.asList(args).subList(mode.equals("seed") ? 4 : 2, args.length));
        spring.addAll(List.of("--finbridge.scheduling.enabled=false", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--finbridge.settlement.lease=PT2S"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FinbridgeApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(spring.toArray(String[]::new))) {
            if (mode.equals("seed")) {
                seed(app, Integer.parseInt(args[1]), Integer.parseInt(args[2]), LocalDate.parse(args[3]));
                System.out.println("SEEDED");
            } else {
                System.out.println("READY");
                System.out.flush();
                work(app, LocalDate.parse(args[1]));
                System.out.println("DONE");
            }
            System.out.flush();
        }
        System.exit(0);
    }

    static void seed(ConfigurableApplicationContext app, int payments, int merchants, LocalDate date) throws Exception {
        SettlementScenario scenario = new SettlementScenario(app);
        scenario.registerMerchants(merchants);
        scenario.seedCapturedPayments(payments, capturedAt(date));
        BankAccounts accounts = app.getBean(BankAccounts.class);
        for (PartyId m : scenario.merchants()) {
            BankAccountResult r = accounts.add(m, new NewBankAccount("EUR", "DE", "DE89370400440532013000", null, "COBADEFFXXX",
                    null, "Crash Seller " + m.value().toString().substring(0, 8)), "crash-test");
            if (!(r instanceof BankAccountResult.Saved saved)) {
                throw new IllegalStateException("bank account not saved: " + r);
            }
            if (saved.account().status() == BankAccount.Status.PENDING_APPROVAL) {
                // the holder name is not the merchant's registered name: an operator accepts it, as in production
                accounts.decide(saved.account().id(), true, "crash test seller", "crash-test");
            }
        }
    }

    static Instant capturedAt(LocalDate date) {
        return date.minusDays(10).atTime(4, 0).toInstant(ZoneOffset.UTC);
    }

    static void work(ConfigurableApplicationContext app, LocalDate date) throws InterruptedException {
        Settlement settlement = app.getBean(Settlement.class);
        // a run a killed node left behind waits for its lease to run out (2 s here), then this node resumes it
        while (settlement.run(date, "crash-worker").status() != SettlementRun.Status.COMPLETED) {
            Thread.sleep(200);
        }
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        List<UUID> merchants = jdbc.sql("select merchant_id from bench_merchants order by n").query(UUID.class).list();
        BankAccounts accounts = app.getBean(BankAccounts.class);
        Payouts payouts = app.getBean(Payouts.class);
        for (UUID m : merchants) {
            PartyId merchant = new PartyId(m);
            BankAccount account = accounts.of(merchant).getFirst();
            PayoutResult r = payouts.create(PaymentFixtures.merchantActor(merchant),
                    new NewPayout(merchant, PAYOUT_MINOR_UNITS, "EUR", account.id(), null, "crash-" + date));
            if (!(r instanceof PayoutResult.Done) && !(r instanceof PayoutResult.Existing)) {
                throw new IllegalStateException("payout refused: " + r);
            }
        }
        PartyId operator = new PartyId(jdbc.sql("select id from parties where kind = 'OPERATOR' order by created_at limit 1")
                .query(UUID.class).single());
        while (payouts.writeBatch(PaymentFixtures.operatorActor(operator), "EUR").isPresent()) {
            // one file per call, until no payout is left to send
        }
    }
}
