package org.finbridge.payments.internal;

import static org.finbridge.payments.PaymentState.AUTHORIZED;
import static org.finbridge.payments.PaymentState.CANCELED;
import static org.finbridge.payments.PaymentState.CAPTURED;
import static org.finbridge.payments.PaymentState.CHARGED_BACK;
import static org.finbridge.payments.PaymentState.DISPUTED;
import static org.finbridge.payments.PaymentState.DISPUTE_EVIDENCE_SUBMITTED;
import static org.finbridge.payments.PaymentState.EXPIRED;
import static org.finbridge.payments.PaymentState.FAILED;
import static org.finbridge.payments.PaymentState.PARTIALLY_CAPTURED;
import static org.finbridge.payments.PaymentState.PARTIALLY_REFUNDED;
import static org.finbridge.payments.PaymentState.PROCESSING;
import static org.finbridge.payments.PaymentState.REFUNDED;
import static org.finbridge.payments.PaymentState.REQUIRES_ACTION;
import static org.finbridge.payments.PaymentState.REQUIRES_CONFIRMATION;
import static org.finbridge.payments.PaymentState.VOIDED;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.finbridge.payments.PaymentState;

/**
 * The payment lifecycle, declared in one table: for each state, the steps it allows and the states
 * each step may lead to (Kill Bill's payment state machine, Stripe's Payment Intent statuses). Where a
 * step may lead to more than one state (a capture to PARTIALLY_CAPTURED or CAPTURED), the amounts
 * decide. The amount rules sit beside the table:
 * <ul>
 *   <li>captured never exceeds authorized, and nothing is captured at or after the authorization's expiry
 *       (card schemes let an uncaptured authorization lapse; its hold expires in the ledger at the same instant);</li>
 *   <li>refunds never exceed what was captured (less what was refunded);</li>
 *   <li>a payment is disputed at most once, for at most what was captured and not refunded;</li>
 *   <li>void and expiry after partial captures release only the rest: the payment is then CAPTURED.</li>
 * </ul>
 * Pure: no clock, no database; the caller passes the time.
 */
final class PaymentStateMachine {

    /** What can happen to a payment. */
    enum Step {
        REQUIRE_ACTION, BEGIN_PROCESSING, AUTHORIZE, AUTHORIZE_AND_CAPTURE, DECLINE, CANCEL,
        CAPTURE, VOID, EXPIRE, REFUND, OPEN_DISPUTE, SUBMIT_EVIDENCE, WIN_DISPUTE, LOSE_DISPUTE
    }

    private static final Map<PaymentState, Map<Step, Set<PaymentState>>> TABLE = new EnumMap<>(PaymentState.class);

    static {
        allow(REQUIRES_CONFIRMATION, Step.REQUIRE_ACTION, REQUIRES_ACTION);
        allow(REQUIRES_CONFIRMATION, Step.AUTHORIZE, AUTHORIZED);
        allow(REQUIRES_CONFIRMATION, Step.AUTHORIZE_AND_CAPTURE, CAPTURED);
        allow(REQUIRES_CONFIRMATION, Step.DECLINE, FAILED);
        allow(REQUIRES_CONFIRMATION, Step.CANCEL, CANCELED);

        allow(REQUIRES_ACTION, Step.AUTHORIZE, AUTHORIZED);
        allow(REQUIRES_ACTION, Step.AUTHORIZE_AND_CAPTURE, CAPTURED);
        allow(REQUIRES_ACTION, Step.BEGIN_PROCESSING, PROCESSING);
        allow(REQUIRES_ACTION, Step.DECLINE, FAILED);
        allow(REQUIRES_ACTION, Step.CANCEL, CANCELED);

        allow(PROCESSING, Step.BEGIN_PROCESSING, PROCESSING);
        allow(PROCESSING, Step.AUTHORIZE_AND_CAPTURE, CAPTURED);
        allow(PROCESSING, Step.DECLINE, FAILED);

        allow(AUTHORIZED, Step.CAPTURE, PARTIALLY_CAPTURED, CAPTURED);
        allow(AUTHORIZED, Step.VOID, VOIDED);
        allow(AUTHORIZED, Step.EXPIRE, EXPIRED);

        allow(PARTIALLY_CAPTURED, Step.CAPTURE, PARTIALLY_CAPTURED, CAPTURED);
        allow(PARTIALLY_CAPTURED, Step.VOID, CAPTURED);
        allow(PARTIALLY_CAPTURED, Step.EXPIRE, CAPTURED);

        allow(CAPTURED, Step.REFUND, PARTIALLY_REFUNDED, REFUNDED);
        allow(CAPTURED, Step.OPEN_DISPUTE, DISPUTED);
        allow(PARTIALLY_REFUNDED, Step.REFUND, PARTIALLY_REFUNDED, REFUNDED);
        allow(PARTIALLY_REFUNDED, Step.OPEN_DISPUTE, DISPUTED);

        allow(DISPUTED, Step.SUBMIT_EVIDENCE, DISPUTE_EVIDENCE_SUBMITTED);
        allow(DISPUTED, Step.WIN_DISPUTE, CAPTURED, PARTIALLY_REFUNDED);
        allow(DISPUTED, Step.LOSE_DISPUTE, CHARGED_BACK);
        allow(DISPUTE_EVIDENCE_SUBMITTED, Step.WIN_DISPUTE, CAPTURED, PARTIALLY_REFUNDED);
        allow(DISPUTE_EVIDENCE_SUBMITTED, Step.LOSE_DISPUTE, CHARGED_BACK);
        // REFUNDED, CHARGED_BACK, VOIDED, EXPIRED, CANCELED and FAILED allow nothing
    }

    private static void allow(PaymentState from, Step step, PaymentState... to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(Step.class)).put(step, EnumSet.of(to[0], to));
    }

    private PaymentStateMachine() {
    }

    /** The running totals a payment keeps, in minor units of its processed currency. */
    record Amounts(long authorized, long captured, long refunded, long disputed, long chargedBack) {
        static final Amounts NONE = new Amounts(0, 0, 0, 0, 0);
    }

    /** What the machine needs to know about a payment. */
    record Snapshot(PaymentState state, Amounts amounts, Instant expiresAt, boolean disputedBefore) {
    }

    sealed interface Decision {
    }

    record Allowed(PaymentState next, Amounts after) implements Decision {
    }

    /**
     * @param rule ILLEGAL_TRANSITION, AUTHORIZATION_EXPIRED, NOT_YET_EXPIRED, AMOUNT_MUST_BE_POSITIVE,
     *             CAPTURE_EXCEEDS_AUTHORIZED, REFUND_EXCEEDS_CAPTURED, DISPUTE_EXCEEDS_CAPTURED
     */
    record Refused(String rule, long requested, long available) implements Decision {
    }

    static boolean allows(PaymentState state, Step step) {
        return TABLE.getOrDefault(state, Map.of()).containsKey(step);
    }

    /**
     * Decides a step.
     *
     * @param amount the step's amount where it has one (authorize, capture, refund, dispute)
     */
    static Decision decide(Snapshot s, Step step, long amount, boolean finalCapture, Instant now) {
        if (!allows(s.state(), step)) {
            return new Refused("ILLEGAL_TRANSITION", amount, 0);
        }
        Amounts a = s.amounts();
        Decision d = switch (step) {
            case REQUIRE_ACTION -> new Allowed(REQUIRES_ACTION, a);
            case BEGIN_PROCESSING -> new Allowed(PROCESSING, a);
            case DECLINE -> new Allowed(FAILED, a);
            case CANCEL -> new Allowed(CANCELED, a);
            case AUTHORIZE -> positive(amount) ? new Allowed(AUTHORIZED, new Amounts(amount, 0, 0, 0, 0)) : notPositive(amount);
            case AUTHORIZE_AND_CAPTURE -> positive(amount)
                    ? new Allowed(CAPTURED, new Amounts(amount, amount, 0, 0, 0)) : notPositive(amount);
            case CAPTURE -> capture(s, amount, finalCapture, now);
            case VOID -> new Allowed(s.state() == AUTHORIZED ? VOIDED : CAPTURED, a);
            case EXPIRE -> now.isBefore(s.expiresAt()) ? new Refused("NOT_YET_EXPIRED", 0, 0)
                    : new Allowed(s.state() == AUTHORIZED ? EXPIRED : CAPTURED, a);
            case REFUND -> refund(a, amount);
            case OPEN_DISPUTE -> openDispute(s, amount);
            case SUBMIT_EVIDENCE -> new Allowed(DISPUTE_EVIDENCE_SUBMITTED, a);
            case WIN_DISPUTE -> new Allowed(a.refunded() > 0 ? PARTIALLY_REFUNDED : CAPTURED,
                    new Amounts(a.authorized(), a.captured(), a.refunded(), 0, a.chargedBack()));
            case LOSE_DISPUTE -> new Allowed(CHARGED_BACK,
                    new Amounts(a.authorized(), a.captured(), a.refunded(), 0, a.chargedBack() + a.disputed()));
        };
        if (d instanceof Allowed allowed && !TABLE.get(s.state()).get(step).contains(allowed.next())) {
            throw new IllegalStateException(step + " from " + s.state() + " to " + allowed.next() + " is not in the table");
        }
        return d;
    }

    private static Decision capture(Snapshot s, long amount, boolean finalCapture, Instant now) {
        Amounts a = s.amounts();
        long left = a.authorized() - a.captured();
        if (!positive(amount)) {
            return notPositive(amount);
        }
        if (!now.isBefore(s.expiresAt())) {
            return new Refused("AUTHORIZATION_EXPIRED", amount, 0);
        }
        if (amount > left) {
            return new Refused("CAPTURE_EXCEEDS_AUTHORIZED", amount, left);
        }
        long captured = a.captured() + amount;
        PaymentState next = captured == a.authorized() || finalCapture ? CAPTURED : PARTIALLY_CAPTURED;
        return new Allowed(next, new Amounts(a.authorized(), captured, 0, 0, 0));
    }

    private static Decision refund(Amounts a, long amount) {
        long left = a.captured() - a.refunded();
        if (!positive(amount)) {
            return notPositive(amount);
        }
        if (amount > left) {
            return new Refused("REFUND_EXCEEDS_CAPTURED", amount, left);
        }
        long refunded = a.refunded() + amount;
        return new Allowed(refunded == a.captured() ? REFUNDED : PARTIALLY_REFUNDED,
                new Amounts(a.authorized(), a.captured(), refunded, a.disputed(), a.chargedBack()));
    }

    private static Decision openDispute(Snapshot s, long amount) {
        Amounts a = s.amounts();
        if (s.disputedBefore()) {
            return new Refused("ILLEGAL_TRANSITION", amount, 0);
        }
        long left = a.captured() - a.refunded();
        if (!positive(amount)) {
            return notPositive(amount);
        }
        if (amount > left) {
            return new Refused("DISPUTE_EXCEEDS_CAPTURED", amount, left);
        }
        return new Allowed(DISPUTED, new Amounts(a.authorized(), a.captured(), a.refunded(), amount, a.chargedBack()));
    }

    private static boolean positive(long amount) {
        return amount > 0;
    }

    private static Refused notPositive(long amount) {
        return new Refused("AMOUNT_MUST_BE_POSITIVE", amount, 0);
    }
}
