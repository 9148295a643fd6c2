package org.finbridge.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentFixtures.done;
import static org.finbridge.payments.PaymentFixtures.payment;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyStatus;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.risk.sanctions.DecisionResult;
import org.finbridge.risk.sanctions.HitId;
import org.finbridge.risk.sanctions.HitStatus;
import org.finbridge.risk.sanctions.ImportResult;
import org.finbridge.risk.sanctions.ListFormat;
import org.finbridge.risk.sanctions.ListImport;
import org.finbridge.risk.sanctions.PartyScreeningReport;
import org.finbridge.risk.sanctions.ReviewHit;
import org.finbridge.risk.sanctions.SanctionsLists;
import org.finbridge.risk.sanctions.SanctionsReview;
import org.finbridge.settlement.NewPayout;
import org.finbridge.settlement.Payout;
import org.finbridge.settlement.PayoutBatchFile;
import org.finbridge.settlement.PayoutResult;
import org.finbridge.settlement.PayoutState;
import org.finbridge.settlement.Payouts;
import org.finbridge.settlement.Settlement;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payouts screen their beneficiary before any money leaves (AML Law arts. 40–41): a possible match holds
 * the payout with its money reserved, a false positive releases it and is not raised again, a confirmed
 * match blocks it with its money frozen and stops the merchant: payments refused, pending payouts held.
 *
 * <p>Each test lists its own made-up company on a watch list of its own, never the required OFAC list,
 * so that nothing here changes what other tests of this shared application screen.
 */
@ApplicationTest
class SanctionedBeneficiaryTest {

    private static final AtomicInteger LISTS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    Payouts payouts;
    @Autowired
    Settlement settlement;
    @Autowired
    Payments payments;
    @Autowired
    Parties parties;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    MutableClock clock;
    @Autowired
    SanctionsLists lists;
    @Autowired
    SanctionsReview review;
    @Autowired
    TestActors actors;
    @Autowired
    JdbcClient jdbc;

    PaymentFixtures fixtures;
    Actor operator;
    PartyId merchant;
    Actor actor;
    String legalName;
    String bankAccount;

    /** A merchant named {@code Vexmoor <surname> Shipping LLC} with a settled euro balance and a verified account in its name. */
    void aMerchantWithASettledBalance(String surname) {
        PayoutFixture fixture = new PayoutFixture(parties, ledger, tokenizer, bankAccounts, settlement, payments, clock);
        fixtures = fixture.payments();
        operator = PaymentFixtures.operatorActor(actors.operator().partyId());
        PayoutFixture.SettledMerchant settled = fixture.settledMerchant("Vexmoor " + surname + " Shipping LLC", "ops@vexmoor.test",
                operator);
        legalName = settled.legalName();
        merchant = settled.id();
        actor = settled.actor();
        bankAccount = settled.bankAccount();
    }

    void listed(String surname) {
        String csv = """
                id,name,type,country,dob,aliases
                VB-1,Vexmoor %1$s Shipping LLC,entity,PA,,
                """.formatted(surname);
        String code = "TEST-BENEFICIARY-" + LISTS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        ImportResult r = lists.importList(new ListImport(code, ListFormat.CSV, "watch.csv",
                csv.getBytes(StandardCharsets.UTF_8), null, null, false), operator);
        assertThat(r).as(r.toString()).isInstanceOf(ImportResult.Imported.class);
    }

    long available() {
        Account a = fixtures.merchantAccount(merchant, "MERCHANT_AVAILABLE", "EUR");
        return a == null ? 0 : a.postedCreditBalance().minorUnits();
    }

    long inTransit() {
        return ledger.account(org.finbridge.ledger.AccountId.derived("platform:PAYOUTS_IN_TRANSIT:EUR"))
                .map(a -> a.postedCreditBalance().minorUnits()).orElse(0L);
    }

    Payout payout(long amount, String reference) {
        PayoutResult r = payouts.create(actor, new NewPayout(merchant, amount, "EUR", bankAccount, null, reference));
        assertThat(r).as(r.toString()).isInstanceOf(PayoutResult.Done.class);
        return ((PayoutResult.Done) r).payout();
    }

    Payout now(Payout p) {
        return payouts.find(operator, p.id()).orElseThrow();
    }

    String hitOf(Payout p) {
        return jdbc.sql("select screening_hit_id from payouts where id = :id").param("id", p.id().value())
                .query(String.class).single();
    }

    int audited(String action, String objectId) {
        return jdbc.sql("select count(*) from audit_trail where action = :a and object_id = :o").param("a", action)
                .param("o", objectId).query(Integer.class).single();
    }

    @Test
    void aPossibleMatchHoldsThePayoutAndAFalsePositiveReleasesItWithoutRaisingThePairAgain() {
        aMerchantWithASettledBalance("Quillfeather");
        listed("Quillfeather");
        long before = available();
        Payout held = payout(10_000, "held-1");
        assertThat(held.state()).isEqualTo(PayoutState.HELD);
        assertThat(held.statusReason()).as("the merchant is not told which list").isEqualTo("held for compliance review");
        assertThat(available()).as("the money is reserved as for any payout").isEqualTo(before - 10_000 - held.feeMinorUnits());
        String hit = hitOf(held);
        ReviewHit raised = review.find(HitId.parse(hit)).orElseThrow();
        assertThat(raised.subjectRef()).isEqualTo(merchant.toString());
        assertThat(raised.subjectRole()).isEqualTo("PAYEE");
        assertThat(raised.entryId()).isEqualTo("VB-1");
        assertThat(audited("settlement.payout.held", held.id().toString())).isEqualTo(1);

        // no bank file carries a held payout
        payouts.writeBatch(operator, "EUR").map(PayoutBatchFile::xml).map(x -> new String(x, StandardCharsets.UTF_8))
                .ifPresent(xml -> assertThat(xml).doesNotContain(held.endToEndId()));
        assertThat(now(held).state()).isEqualTo(PayoutState.HELD);

        assertThat(review.decide(HitId.parse(hit), HitStatus.FALSE_POSITIVE, "the shipping line, not the listed one", operator))
                .isInstanceOf(DecisionResult.Decided.class);
        Payout released = now(held);
        assertThat(released.state()).isEqualTo(PayoutState.CREATED);
        assertThat(released.statusReason()).isNull();
        assertThat(audited("settlement.payout.released", held.id().toString())).isEqualTo(1);
        assertThat(parties.find(merchant).orElseThrow().status()).as("nothing stopped").isEqualTo(PartyStatus.ONBOARDING);
        assertThat(available()).isEqualTo(before - 10_000 - held.feeMinorUnits());

        // the next payout to the same holder is not held again: the pair is settled
        assertThat(payout(5_000, "after-1").state()).isEqualTo(PayoutState.CREATED);
        assertThat(jdbc.sql("select count(*) from sanctions_hits where subject_ref = :p and subject_role = 'PAYEE'")
                .param("p", merchant.toString()).query(Integer.class).single()).isEqualTo(1);
        done(payments.create(actor, payment(merchant, 1_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.AUTOMATIC, "DE")));
    }

    @Test
    void aConfirmedMatchOfTheBeneficiaryBlocksThePayoutWithItsMoneyFrozen() {
        aMerchantWithASettledBalance("Marrowdene");
        listed("Marrowdene");
        Payout held = payout(10_000, "blocked-1");
        assertThat(held.state()).isEqualTo(PayoutState.HELD);
        long available = available();
        long inTransit = inTransit();

        assertThat(review.decide(HitId.parse(hitOf(held)), HitStatus.TRUE_MATCH, "same registry number", operator))
                .isInstanceOf(DecisionResult.Decided.class);
        Payout blocked = now(held);
        assertThat(blocked.state()).isEqualTo(PayoutState.BLOCKED);
        assertThat(audited("settlement.payout.blocked", held.id().toString())).isEqualTo(1);
        assertThat(available()).as("not handed back to a merchant that is no longer served").isEqualTo(available);
        assertThat(inTransit()).as("frozen where it was reserved").isEqualTo(inTransit);
        assertThat(parties.find(merchant).orElseThrow().status()).isEqualTo(PartyStatus.SUSPENDED);
        assertThat(payouts.create(actor, new NewPayout(merchant, 1_000, "EUR", bankAccount, null, "after-block")))
                .isEqualTo(new PayoutResult.MerchantSuspended());
        assertThat(available()).isEqualTo(available);
    }

    @Test
    void aConfirmedMatchOfTheMerchantRefusesItsNextPaymentAndHoldsItsPendingPayouts() {
        aMerchantWithASettledBalance("Thistlecombe");
        Payout pending = payout(10_000, "pending-1");
        assertThat(pending.state()).as("nothing listed yet").isEqualTo(PayoutState.CREATED);
        String key = actors.key(merchant, ApiScope.PAYMENTS_READ, ApiScope.PAYMENTS_WRITE);
        // a payment authorized before the match, to be captured later
        Map<String, Object> manual = paymentBody(merchant.toString());
        manual.put("captureMethod", "MANUAL");
        Api.Response authorized = actors.operator().api(port).with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/payments", manual);
        assertThat(authorized.status()).as(String.valueOf(authorized.body())).isEqualTo(201);
        String authorizedId = authorized.body().get("id").asString();
        listed("Thistlecombe");
        PartyScreeningReport report = review.screenParty(merchant).orElseThrow();
        assertThat(report.outcome()).isEqualTo(PartyScreeningReport.Outcome.POSSIBLE_MATCHES);
        ReviewHit hit = report.hits().stream().filter(h -> h.subjectRole().equals("COMPANY")).findFirst().orElseThrow();
        long inTransit = inTransit();

        assertThat(review.decide(hit.id(), HitStatus.TRUE_MATCH, "listed company", operator))
                .isInstanceOf(DecisionResult.Decided.class);
        assertThat(parties.find(merchant).orElseThrow().status()).isEqualTo(PartyStatus.SUSPENDED);
        assertThat(audited("party.suspend", merchant.toString())).isEqualTo(1);
        Payout held = now(pending);
        assertThat(held.state()).isEqualTo(PayoutState.HELD);
        assertThat(hitOf(held)).isEqualTo(hit.id().toString());
        assertThat(audited("settlement.payout.held", pending.id().toString())).isEqualTo(1);
        assertThat(inTransit()).isEqualTo(inTransit);

        Api.Response refused = actors.operator().api(port).with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/payments", paymentBody(merchant.toString()));
        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("MERCHANT_SUSPENDED");
        assertThat(new Api(port, key).with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/payments", paymentBody(null)).status()).as("its own keys stop working").isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from payments where merchant_id = :m").param("m", merchant.value())
                .query(Integer.class).single()).as("nothing created").isEqualTo(4);
        // what it authorized before is not captured, but the buyer's hold can be released
        Api.Response capture = actors.operator().api(port).with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/payments/" + authorizedId + "/capture", Map.of());
        assertThat(capture.status()).as(String.valueOf(capture.body())).isEqualTo(422);
        assertThat(capture.code()).isEqualTo("MERCHANT_SUSPENDED");
        Api.Response voided = actors.operator().api(port).with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/payments/" + authorizedId + "/void", Map.of());
        assertThat(voided.status()).as(String.valueOf(voided.body())).isEqualTo(200);
        assertThat(voided.body().get("state").asString()).isEqualTo("VOIDED");

        // deciding again changes nothing more
        assertThat(review.decide(hit.id(), HitStatus.FALSE_POSITIVE, null, operator)).isInstanceOf(DecisionResult.AlreadyDecided.class);
        assertThat(now(pending).state()).isEqualTo(PayoutState.HELD);
    }

    @Test
    void aPayoutWrittenBeforeItsBeneficiaryWasListedIsHeldWhenTheBankFileIsWritten() {
        aMerchantWithASettledBalance("Pellingworth");
        Payout written = payout(10_000, "before-listing");
        assertThat(written.state()).isEqualTo(PayoutState.CREATED);
        listed("Pellingworth");

        payouts.writeBatch(operator, "EUR").map(PayoutBatchFile::xml).map(x -> new String(x, StandardCharsets.UTF_8))
                .ifPresent(xml -> assertThat(xml).doesNotContain(written.endToEndId()));
        Payout held = now(written);
        assertThat(held.state()).isEqualTo(PayoutState.HELD);
        assertThat(review.find(HitId.parse(hitOf(held))).orElseThrow().subjectRole()).isEqualTo("PAYEE");
        assertThat(audited("settlement.payout.held", written.id().toString())).isEqualTo(1);
    }

    static Map<String, Object> paymentBody(String merchantId) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("amount", 2_500, "currency", "EUR",
                "orderReference", "after-match-" + UUID.randomUUID(), "buyer", Map.of("country", "DE"),
                "method", Map.of("type", "CARD", "card", Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2099,
                        "cvc", "123")), "captureMethod", "AUTOMATIC", "confirm", true));
        if (merchantId != null) {
            body.put("merchantId", merchantId);
        }
        return body;
    }
}
