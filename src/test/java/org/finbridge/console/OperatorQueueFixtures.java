package org.finbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentFixtures.done;
import static org.finbridge.payments.PaymentFixtures.merchantActor;
import static org.finbridge.payments.PaymentFixtures.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.finbridge.ledger.Ledger;
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
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.risk.aml.AmlCase;
import org.finbridge.risk.aml.AmlCases;
import org.finbridge.risk.aml.CaseResult;
import org.finbridge.risk.fraud.FraudDecision;
import org.finbridge.risk.fraud.FraudReviews;
import org.finbridge.risk.sanctions.HitId;
import org.finbridge.risk.sanctions.ImportResult;
import org.finbridge.risk.sanctions.ListFormat;
import org.finbridge.risk.sanctions.ListImport;
import org.finbridge.risk.sanctions.SanctionsLists;
import org.finbridge.settlement.NewPayout;
import org.finbridge.settlement.Payout;
import org.finbridge.settlement.PayoutResult;
import org.finbridge.settlement.PayoutState;
import org.finbridge.settlement.Payouts;
import org.finbridge.settlement.ReleaseMode;
import org.finbridge.settlement.Settlement;
import org.finbridge.settlement.SettlementPolicy;
import org.finbridge.support.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The work in the operators' queues, made the way the platform makes it: a captured card payment the fraud
 * policy sent to review, an AML case referred by staff, a payout held on a possible sanctions match of its
 * payee, and a balance-of-payments declaration of a receipt.
 */
final class OperatorQueueFixtures {

    private final Parties parties;
    private final Ledger ledger;
    private final CardTokenizer tokenizer;
    private final Payments payments;
    private final FraudReviews fraud;
    private final AmlCases amlCases;
    private final SanctionsLists lists;
    private final BankAccounts bankAccounts;
    private final Settlement settlement;
    private final Payouts payouts;
    private final MutableClock clock;
    private final JdbcClient jdbc;
    private final Actor operator;

    /** The fixtures over the application's own services. */
    static OperatorQueueFixtures of(org.springframework.context.ApplicationContext ctx, PartyId operatorParty) {
        return new OperatorQueueFixtures(ctx.getBean(Parties.class), ctx.getBean(Ledger.class), ctx.getBean(CardTokenizer.class),
                ctx.getBean(Payments.class), ctx.getBean(FraudReviews.class), ctx.getBean(AmlCases.class),
                ctx.getBean(SanctionsLists.class), ctx.getBean(BankAccounts.class), ctx.getBean(Settlement.class),
                ctx.getBean(Payouts.class), ctx.getBean(MutableClock.class), ctx.getBean(JdbcClient.class), operatorParty);
    }

    OperatorQueueFixtures(Parties parties, Ledger ledger, CardTokenizer tokenizer, Payments payments, FraudReviews fraud,
                          AmlCases amlCases, SanctionsLists lists, BankAccounts bankAccounts, Settlement settlement,
                          Payouts payouts, MutableClock clock, JdbcClient jdbc, PartyId operatorParty) {
        this.parties = parties;
        this.ledger = ledger;
        this.tokenizer = tokenizer;
        this.payments = payments;
        this.fraud = fraud;
        this.amlCases = amlCases;
        this.lists = lists;
        this.bankAccounts = bankAccounts;
        this.settlement = settlement;
        this.payouts = payouts;
        this.clock = clock;
        this.jdbc = jdbc;
        this.operator = PaymentFixtures.operatorActor(operatorParty);
    }

    /** A captured card payment with its fraud decision in the review queue. */
    record HeldForReview(Payment payment, FraudDecision decision) {
    }

    /**
     * The shared test context scores in shadow mode (see ApplicationTest), so the stored decision is made the
     * one a REVIEW outcome stores: the payment authorized and captured, its decision queued for a reviewer.
     */
    HeldForReview heldForReview(long amount) {
        return heldForReview(amount, CaptureMethod.AUTOMATIC);
    }

    /** As {@link #heldForReview(long)}; a MANUAL capture leaves the payment authorized only. */
    HeldForReview heldForReview(long amount, CaptureMethod capture) {
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        PartyId merchant = fixtures.merchant("DE");
        Payment p = done(payments.create(merchantActor(merchant), payment(merchant, amount, "EUR",
                fixtures.card(PaymentFixtures.VISA_OK), capture, "FR")));
        assertThat(jdbc.sql("update fraud_decisions set outcome = 'REVIEW', review_status = 'OPEN' where payment_id = ?")
                .param(p.id().value()).update()).isEqualTo(1);
        FraudDecision d = fraud.ofPayment(p.id()).getFirst();
        assertThat(d.review()).isEqualTo(FraudDecision.ReviewStatus.OPEN);
        return new HeldForReview(p, d);
    }

    /** A case opened on a staff referral about a new merchant. */
    AmlCase referredCase() {
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        PartyId merchant = fixtures.merchant("DE");
        CaseResult r = amlCases.open(operator, merchant.toString(), "orders in round amounts from one buyer, every hour");
        assertThat(r).isInstanceOf(CaseResult.Done.class);
        return ((CaseResult.Done) r).amlCase();
    }

    /** A payout held on a possible match of its payee (the merchant itself) with a list entry, and that hit. */
    record HeldPayout(PartyId merchant, String legalName, Payout payout, HitId hit) {
    }

    HeldPayout heldPayout() {
        String surname = "Tarn" + randomLetters(6);
        String legalName = "Brellick " + surname + " Freight Ltd";
        clock.advance(Duration.ofDays(40));
        Registration r = parties.register(new NewParty(PartyKind.MERCHANT, "DE", legalName, null, "ops@brellick.test", null, Map.of()));
        PartyId merchant = ((Registration.Registered) r).party().id();
        Actor actor = merchantActor(merchant);
        BankAccountResult added = bankAccounts.add(merchant, new NewBankAccount("EUR", "DE", "DE89370400440532013000",
                null, "COBADEFFXXX", null, legalName), "test");
        assertThat(added).isInstanceOf(BankAccountResult.Saved.class);
        String bankAccount = ((BankAccountResult.Saved) added).account().id();
        settlement.setPolicy(operator, merchant, new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 0, "TARGET2", 0, 90, 0));
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        for (int i = 0; i < 2; i++) {
            done(payments.create(actor, payment(merchant, 20_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                    CaptureMethod.AUTOMATIC, "DE")));
        }
        clock.advance(Duration.ofDays(4));
        settlement.run(LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin")), "test");

        String csv = "id,name,type,country,dob,aliases\nBF-1," + legalName + ",entity,PA,,\n";
        ImportResult imported = lists.importList(new ListImport("TEST-CONSOLE-" + randomLetters(8).toUpperCase(), ListFormat.CSV,
                "watch.csv", csv.getBytes(StandardCharsets.UTF_8), null, null, false), operator);
        assertThat(imported).as(imported.toString()).isInstanceOf(ImportResult.Imported.class);

        PayoutResult created = payouts.create(actor, new NewPayout(merchant, 10_000, "EUR", bankAccount, null,
                "console-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(created).as(created.toString()).isInstanceOf(PayoutResult.Done.class);
        Payout payout = ((PayoutResult.Done) created).payout();
        assertThat(payout.state()).isEqualTo(PayoutState.HELD);
        String hit = jdbc.sql("select screening_hit_id from payouts where id = :id").param("id", payout.id().value())
                .query(String.class).single();
        return new HeldPayout(merchant, legalName, payout, HitId.parse(hit));
    }

    /** A merchant paid out as soon as settlement runs (no holding days, no reserve), with one captured payment. */
    PartyId merchantToSettle(long amount) {
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        PartyId merchant = fixtures.merchant("DE");
        settlement.setPolicy(operator, merchant, new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 0, "TARGET2", 0, 90, 0));
        done(payments.create(merchantActor(merchant), payment(merchant, amount, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.AUTOMATIC, "DE")));
        return merchant;
    }

    Payout now(Payout p) {
        return payouts.find(operator, p.id()).orElseThrow();
    }

    /** A receipt's balance-of-payments declaration as the platform records it on a cleared collection (BopLedger). */
    UUID bopDeclaration(LocalDate day) {
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        PartyId merchant = fixtures.merchant("DE");
        UUID id = UUID.randomUUID();
        String order = "BOP-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into supervision_bop_declarations (id, merchant_id, transaction_code, refund, currency, amount_minor,
                    postscript, reference, declared_on) values (?, ?, '122030', false, 'EUR', 10000, ?, ?, ?)""")
                .params(id, merchant.value(), "122030 网络购物 订单 " + order, "receipt:" + order, day).update();
        return id;
    }

    private static String randomLetters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
