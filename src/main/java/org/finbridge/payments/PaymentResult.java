package org.finbridge.payments;

import org.finbridge.payments.connector.DeclineCode;

/**
 * The answer to every payment command: the payment as it now stands, or a refusal named after the
 * rule. Refusals change nothing (a decline is recorded on the payment, as it is a fact about it).
 */
public sealed interface PaymentResult {

    /** The command was carried out (or there was nothing more to do); the payment as it now stands. */
    record Done(Payment payment) implements PaymentResult {
    }

    /** No such payment for this caller: another merchant's payment answers exactly the same. */
    record NotFound() implements PaymentResult {
    }

    /** The state machine does not allow this command in the payment's state (Kill Bill's ILLEGAL_TRANSITION). */
    record IllegalTransition(PaymentState state, String command) implements PaymentResult {
    }

    /**
     * An amount rule: CAPTURE_EXCEEDS_AUTHORIZED, REFUND_EXCEEDS_CAPTURED, DISPUTE_EXCEEDS_CAPTURED,
     * AMOUNT_MUST_BE_POSITIVE.
     */
    record AmountRefused(String rule, long requested, long available) implements PaymentResult {
    }

    /** The authorization lapsed before this capture: the hold is released, nothing can be captured. */
    record AuthorizationExpired(Payment payment) implements PaymentResult {
    }

    /** The connector (or the issuer behind it) declined; the payment is FAILED, or unchanged for a capture. */
    record Declined(Payment payment, DeclineCode code) implements PaymentResult {
    }

    /** The risk policy blocked the payment before it reached a connector. */
    record Blocked(Payment payment, String reason) implements PaymentResult {
    }

    /**
     * The merchant may not take payments: SUSPENDED (for instance on a confirmed sanctions match, AML Law
     * art. 41: stop serving at once), CLOSED or REJECTED at onboarding. Nothing is created.
     */
    record MerchantNotServed(org.finbridge.party.PartyStatus status) implements PaymentResult {
    }

    /** A field of the request is invalid (field name as in the API, reason for a person). */
    record InvalidField(String field, String reason) implements PaymentResult {
    }

    /** No connector takes this method, currency and amount (limits, currencies, region). */
    record NoConnector(String reason) implements PaymentResult {
    }

    /** Another command on this payment is still in flight: retry shortly. */
    record Busy() implements PaymentResult {
    }

    /** The connector did not take the request (an outage, an open circuit); nothing changed. */
    record ConnectorUnavailable(String connector, String detail) implements PaymentResult {
    }

    /**
     * The connector or the ledger did not answer in time; the step is recorded and the recovery job
     * finishes it with the same idempotency keys and transfer ids. The payment as it stood.
     */
    record InProgress(Payment payment, String reason) implements PaymentResult {
    }
}
