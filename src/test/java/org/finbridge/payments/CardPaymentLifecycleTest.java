package org.finbridge.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentFixtures.done;
import static org.finbridge.payments.PaymentFixtures.merchantActor;
import static org.finbridge.payments.PaymentFixtures.payment;

import java.time.Duration;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.connector.DeclineCode;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A card payment through its lifecycle, with the ledger checked at each step. */
@ApplicationTest
class CardPaymentLifecycleTest {

    @Autowired
    Payments payments;
    @Autowired
    Parties parties;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    MutableClock clock;

    PaymentFixtures fixtures;
    PartyId merchant;
    Actor actor;

    @BeforeEach
    void setUp() {
        fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        merchant = fixtures.merchant("DE");
        actor = merchantActor(merchant);
    }

    private Account pending() {
        return fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR");
    }

    @Test
    void anAuthorizationHoldsTheAmountInTheMerchantsPendingAccount() {
        Payment p = done(payments.create(actor, payment(merchant, 10_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.MANUAL, "DE")));
        assertThat(p.state()).isEqualTo(PaymentState.AUTHORIZED);
        assertThat(p.authorized()).isEqualTo(10_000);
        assertThat(p.processed()).isEqualTo(p.requested());
        assertThat(p.method().card().last4()).isEqualTo("4242");
        assertThat(p.method().card().network()).isEqualTo(CardNetwork.VISA);
        assertThat(pending().creditsPending()).isEqualTo(10_000);
        assertThat(pending().creditsPosted()).isZero();
    }

    @Test
    void severalPartialCapturesPostTheHoldPieceByPieceAndTakeFees() {
        Payment p = done(payments.create(actor, payment(merchant, 10_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.MANUAL, "DE")));
        Payment first = done(payments.capture(actor, p.id(), 3_000L, false));
        assertThat(first.state()).isEqualTo(PaymentState.PARTIALLY_CAPTURED);
        assertThat(pending().creditsPending()).isEqualTo(7_000);
        assertThat(pending().creditsPosted()).isEqualTo(3_000);
        Payment second = done(payments.capture(actor, p.id(), 7_000L, false));
        assertThat(second.state()).isEqualTo(PaymentState.CAPTURED);
        assertThat(second.captured()).isEqualTo(10_000);
        assertThat(pending().creditsPending()).isZero();
        // domestic card: 1.5 % + 0.25 per capture; platform 0.5 %; reserve 5 %
        assertThat(second.feesAcquirer()).isEqualTo(45 + 25 + 105 + 25);
        assertThat(second.feesPlatform()).isEqualTo(15 + 35);
        assertThat(second.reserved()).isEqualTo(150 + 350);
        assertThat(pending().postedCreditBalance().minorUnits())
                .isEqualTo(10_000 - second.feesAcquirer() - second.feesPlatform() - second.reserved());
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_RESERVE", "EUR").creditsPosted()).isEqualTo(500);
    }

    @Test
    void capturingMoreThanAuthorizedIsRefusedAndChangesNothing() {
        Payment p = done(payments.create(actor, payment(merchant, 5_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.MANUAL, "DE")));
        PaymentResult r = payments.capture(actor, p.id(), 5_001L, false);
        assertThat(r).isEqualTo(new PaymentResult.AmountRefused("CAPTURE_EXCEEDS_AUTHORIZED", 5_001, 5_000));
        assertThat(pending().creditsPending()).isEqualTo(5_000);
        assertThat(payments.find(actor, p.id()).orElseThrow().transactions()).hasSize(1);
    }

    @Test
    void aFinalPartialCaptureReleasesTheRest() {
        Payment p = done(payments.create(actor, payment(merchant, 8_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.MANUAL, "FR")));
        Payment c = done(payments.capture(actor, p.id(), 2_000L, true));
        assertThat(c.state()).isEqualTo(PaymentState.CAPTURED);
        assertThat(pending().creditsPending()).isZero();
        assertThat(payments.capture(actor, p.id(), 1L, false)).isInstanceOf(PaymentResult.IllegalTransition.class);
    }

    @Test
    void aVoidReleasesTheHoldAndNoCaptureFollows() {
        Payment p = done(payments.create(actor, payment(merchant, 4_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.MANUAL, "DE")));
        assertThat(done(payments.voidAuthorization(actor, p.id())).state()).isEqualTo(PaymentState.VOIDED);
        assertThat(pending().creditsPending()).isZero();
        assertThat(payments.capture(actor, p.id(), null, false)).isEqualTo(
                new PaymentResult.IllegalTransition(PaymentState.VOIDED, "capture"));
    }

    @Test
    void anUncapturedAuthorizationExpiresAfterSevenDays() {
        Payment p = done(payments.create(actor, payment(merchant, 4_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.MANUAL, "DE")));
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        payments.expireDueAuthorizations();
        assertThat(payments.find(actor, p.id()).orElseThrow().state()).isEqualTo(PaymentState.AUTHORIZED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(payments.capture(actor, p.id(), null, false)).isInstanceOf(PaymentResult.AuthorizationExpired.class);
        payments.expireDueAuthorizations();
        assertThat(payments.find(actor, p.id()).orElseThrow().state()).isEqualTo(PaymentState.EXPIRED);
        assertThat(pending().creditsPending()).isZero();
    }

    @Test
    void refundsNeverExceedWhatWasCaptured() {
        Payment p = done(payments.create(actor, payment(merchant, 6_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.AUTOMATIC, "US")));
        assertThat(p.state()).isEqualTo(PaymentState.CAPTURED);
        assertThat(done(payments.refund(actor, p.id(), 1_000L, null)).state()).isEqualTo(PaymentState.PARTIALLY_REFUNDED);
        assertThat(payments.refund(actor, p.id(), 5_001L, null))
                .isEqualTo(new PaymentResult.AmountRefused("REFUND_EXCEEDS_CAPTURED", 5_001, 5_000));
        Payment refunded = done(payments.refund(actor, p.id(), null, null));
        assertThat(refunded.state()).isEqualTo(PaymentState.REFUNDED);
        assertThat(refunded.refunded()).isEqualTo(6_000);
    }

    @Test
    void aChargebackIsTakenFromTheReserveFirstAndReturnedWhenWon() {
        Payment p = done(payments.create(actor, payment(merchant, 10_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.AUTOMATIC, "DE")));
        Actor ops = PaymentFixtures.operatorActor(fixtures.operatorParty());
        long reserveBefore = fixtures.merchantAccount(merchant, "MERCHANT_RESERVE", "EUR").postedCreditBalance().minorUnits();
        Payment disputed = done(payments.openDispute(ops, p.id(), 2_000L, "fraudulent"));
        assertThat(disputed.state()).isEqualTo(PaymentState.DISPUTED);
        assertThat(disputed.dispute().fromReserve()).isEqualTo(reserveBefore);
        assertThat(disputed.dispute().fromPending()).isEqualTo(2_000 - reserveBefore);
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_RESERVE", "EUR").postedCreditBalance().minorUnits()).isZero();
        assertThat(done(payments.submitDisputeEvidence(actor, p.id(), "signed delivery receipt")).state())
                .isEqualTo(PaymentState.DISPUTE_EVIDENCE_SUBMITTED);
        Payment won = done(payments.closeDispute(ops, p.id(), true));
        assertThat(won.state()).isEqualTo(PaymentState.CAPTURED);
        assertThat(won.dispute().status()).isEqualTo(Payment.DisputeStatus.WON);
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_RESERVE", "EUR").postedCreditBalance().minorUnits())
                .isEqualTo(reserveBefore);
        assertThat(payments.openDispute(ops, p.id(), 100L, "again")).isInstanceOf(PaymentResult.IllegalTransition.class);
    }

    @Test
    void issuerDeclinesCarryTheirCodeAndSoftness() {
        PaymentResult r = payments.create(actor, payment(merchant, 1_000, "EUR", fixtures.card("4000000000009995"),
                CaptureMethod.MANUAL, "DE"));
        assertThat(r).isInstanceOf(PaymentResult.Declined.class);
        assertThat(((PaymentResult.Declined) r).code()).isEqualTo(DeclineCode.INSUFFICIENT_FUNDS);
        assertThat(((PaymentResult.Declined) r).code().isSoft()).isTrue();
        assertThat(((PaymentResult.Declined) r).payment().state()).isEqualTo(PaymentState.FAILED);
        PaymentResult fraud = payments.create(actor, payment(merchant, 1_000, "EUR", fixtures.card("4100000000000019"),
                CaptureMethod.MANUAL, "DE"));
        assertThat(((PaymentResult.Declined) fraud).code()).isEqualTo(DeclineCode.SUSPECTED_FRAUD);
        assertThat(fraud).extracting(d -> ((PaymentResult.Declined) d).code().isSoft()).isEqualTo(false);
    }

    @Test
    void aThreeDSecureChallengeWaitsForItsCompletion() {
        Payment p = done(payments.create(actor, payment(merchant, 1_000, "EUR", fixtures.card("4000000000003220"),
                CaptureMethod.MANUAL, "DE")));
        assertThat(p.state()).isEqualTo(PaymentState.REQUIRES_ACTION);
        assertThat(p.nextAction()).isInstanceOf(NextAction.ThreeDSecureChallenge.class);
        Payment authorized = done(payments.completeThreeDSecure(actor, p.id(), true));
        assertThat(authorized.state()).isEqualTo(PaymentState.AUTHORIZED);
        assertThat(authorized.threeDSecure()).isEqualTo("AUTHENTICATED");
    }

    @Test
    void anotherMerchantsPaymentDoesNotExistForIt() {
        Payment p = done(payments.create(actor, payment(merchant, 1_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.MANUAL, "DE")));
        Actor other = merchantActor(fixtures.merchant("FR"));
        assertThat(payments.find(other, p.id())).isEmpty();
        assertThat(payments.capture(other, p.id(), null, false)).isInstanceOf(PaymentResult.NotFound.class);
        assertThat(payments.refund(other, p.id(), null, null)).isInstanceOf(PaymentResult.NotFound.class);
    }

    @Test
    void aTimedOutAuthorizationIsFinishedByRecoveryWithTheSameKey() {
        PaymentResult r = payments.create(actor, payment(merchant, 1_000, "EUR", fixtures.card("4000000000000408"),
                CaptureMethod.MANUAL, "DE"));
        assertThat(r).isInstanceOf(PaymentResult.InProgress.class);
        PaymentId id = ((PaymentResult.InProgress) r).payment().id();
        assertThat(payments.capture(actor, id, null, false)).isInstanceOf(PaymentResult.Busy.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(payments.recoverStuckOperations()).isPositive(); // other tests of this context may have left some too
        assertThat(payments.find(actor, id).orElseThrow().state()).isEqualTo(PaymentState.AUTHORIZED);
        assertThat(pending().creditsPending()).isEqualTo(1_000);
        assertThat(payments.recoverStuckOperations()).isZero();
    }
}
