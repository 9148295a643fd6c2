package org.finbridge.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.finbridge.payments.PaymentState;
import org.finbridge.payments.internal.PaymentStateMachine.Allowed;
import org.finbridge.payments.internal.PaymentStateMachine.Amounts;
import org.finbridge.payments.internal.PaymentStateMachine.Refused;
import org.finbridge.payments.internal.PaymentStateMachine.Snapshot;
import org.finbridge.payments.internal.PaymentStateMachine.Step;
import org.junit.jupiter.api.Test;

/** The payment lifecycle's table and amount rules, without a database. */
class PaymentStateMachineTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant EXPIRY = NOW.plusSeconds(3600);

    static Snapshot authorized(long amount, long captured) {
        return new Snapshot(captured == 0 ? PaymentState.AUTHORIZED : PaymentState.PARTIALLY_CAPTURED,
                new Amounts(amount, captured, 0, 0, 0), EXPIRY, false);
    }

    @Test
    void aPartialCaptureLeavesThePaymentPartiallyCapturedAndTheLastOneCaptured() {
        assertThat(PaymentStateMachine.decide(authorized(100, 0), Step.CAPTURE, 40, false, NOW))
                .isEqualTo(new Allowed(PaymentState.PARTIALLY_CAPTURED, new Amounts(100, 40, 0, 0, 0)));
        assertThat(PaymentStateMachine.decide(authorized(100, 40), Step.CAPTURE, 60, false, NOW))
                .isEqualTo(new Allowed(PaymentState.CAPTURED, new Amounts(100, 100, 0, 0, 0)));
        assertThat(PaymentStateMachine.decide(authorized(100, 40), Step.CAPTURE, 10, true, NOW))
                .extracting(d -> ((Allowed) d).next()).isEqualTo(PaymentState.CAPTURED);
    }

    @Test
    void capturingMoreThanIsLeftOrAfterTheExpiryIsRefused() {
        assertThat(PaymentStateMachine.decide(authorized(100, 40), Step.CAPTURE, 61, false, NOW))
                .isEqualTo(new Refused("CAPTURE_EXCEEDS_AUTHORIZED", 61, 60));
        assertThat(PaymentStateMachine.decide(authorized(100, 0), Step.CAPTURE, 1, false, EXPIRY))
                .isEqualTo(new Refused("AUTHORIZATION_EXPIRED", 1, 0));
        assertThat(PaymentStateMachine.decide(authorized(100, 0), Step.CAPTURE, 0, false, NOW))
                .isEqualTo(new Refused("AMOUNT_MUST_BE_POSITIVE", 0, 0));
    }

    @Test
    void voidAndExpiryAfterPartialCapturesKeepWhatWasCaptured() {
        assertThat(((Allowed) PaymentStateMachine.decide(authorized(100, 40), Step.VOID, 0, false, NOW)).next())
                .isEqualTo(PaymentState.CAPTURED);
        assertThat(((Allowed) PaymentStateMachine.decide(authorized(100, 0), Step.VOID, 0, false, NOW)).next())
                .isEqualTo(PaymentState.VOIDED);
        assertThat(PaymentStateMachine.decide(authorized(100, 0), Step.EXPIRE, 0, false, NOW))
                .isEqualTo(new Refused("NOT_YET_EXPIRED", 0, 0));
        assertThat(((Allowed) PaymentStateMachine.decide(authorized(100, 0), Step.EXPIRE, 0, false, EXPIRY)).next())
                .isEqualTo(PaymentState.EXPIRED);
    }

    @Test
    void terminalStatesAllowNothing() {
        for (PaymentState s : PaymentState.values()) {
            if (s.isTerminal()) {
                for (Step step : Step.values()) {
                    assertThat(PaymentStateMachine.allows(s, step)).as(s + " " + step).isFalse();
                }
            }
        }
    }

    @Test
    void aPaymentIsDisputedOnceAndAWonDisputeReturnsItToWhereItWas() {
        Snapshot refundedPart = new Snapshot(PaymentState.PARTIALLY_REFUNDED, new Amounts(100, 100, 30, 0, 0), null, false);
        Allowed opened = (Allowed) PaymentStateMachine.decide(refundedPart, Step.OPEN_DISPUTE, 70, false, NOW);
        assertThat(opened.after().disputed()).isEqualTo(70);
        assertThat(PaymentStateMachine.decide(refundedPart, Step.OPEN_DISPUTE, 71, false, NOW))
                .isEqualTo(new Refused("DISPUTE_EXCEEDS_CAPTURED", 71, 70));
        Snapshot disputed = new Snapshot(PaymentState.DISPUTED, opened.after(), null, true);
        assertThat(((Allowed) PaymentStateMachine.decide(disputed, Step.WIN_DISPUTE, 0, false, NOW)).next())
                .isEqualTo(PaymentState.PARTIALLY_REFUNDED);
        Allowed lost = (Allowed) PaymentStateMachine.decide(disputed, Step.LOSE_DISPUTE, 0, false, NOW);
        assertThat(lost.after().chargedBack()).isEqualTo(70);
        Snapshot wonBefore = new Snapshot(PaymentState.CAPTURED, new Amounts(100, 100, 0, 0, 0), null, true);
        assertThat(PaymentStateMachine.decide(wonBefore, Step.OPEN_DISPUTE, 1, false, NOW))
                .isEqualTo(new Refused("ILLEGAL_TRANSITION", 1, 0));
    }
}
