package org.finbridge.payments;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.payments.connector.ConnectorEvent;

/**
 * The payments API. Every command takes the {@link Actor}: a merchant acts on its own payments only
 * (another party's payment answers {@link PaymentResult.NotFound}), operators on any. Amounts are minor
 * units of the payment's processed currency.
 */
public interface Payments {

    PaymentResult create(Actor actor, NewPayment payment);

    Optional<Payment> find(Actor actor, PaymentId id);

    List<Payment> list(Actor actor, int limit);

    /**
     * The running totals of many payments in one read (a settlement run asks for thousands at once, where a
     * {@link #find} each would cost a round trip each). Payments the actor may not see, and unknown ids, are
     * left out; at most {@link #MAX_BULK_READ} ids per call.
     */
    List<CapturedAmounts> capturedAmounts(Actor actor, java.util.Collection<PaymentId> ids);

    /** The most ids {@link #capturedAmounts} takes at once. */
    int MAX_BULK_READ = 5_000;

    /** Asks the risk policy, then a connector, to authorize (cards) or to start the buyer's payment (push). */
    PaymentResult confirm(Actor actor, PaymentId id);

    /** Completes a 3-D Secure challenge with the access control server's result, then authorizes. */
    PaymentResult completeThreeDSecure(Actor actor, PaymentId id, boolean authenticated);

    /**
     * Captures part or all of what is still authorized; {@code finalCapture} releases the rest.
     *
     * @param amount minor units, or null for everything still authorized
     */
    PaymentResult capture(Actor actor, PaymentId id, Long amount, boolean finalCapture);

    /** Releases the authorization (or, after partial captures, what is left of it). */
    PaymentResult voidAuthorization(Actor actor, PaymentId id);

    /** Abandons a payment that has not been authorized yet. */
    PaymentResult cancel(Actor actor, PaymentId id);

    /** @param amount minor units, or null for everything still refundable */
    PaymentResult refund(Actor actor, PaymentId id, Long amount, String reason);

    /** The buyer's bank opened a dispute: the amount is taken from the merchant, the reserve first. */
    PaymentResult openDispute(Actor actor, PaymentId id, Long amount, String reason);

    PaymentResult submitDisputeEvidence(Actor actor, PaymentId id, String evidence);

    /** The card network's decision: won returns the money to the merchant, lost makes the chargeback final. */
    PaymentResult closeDispute(Actor actor, PaymentId id, boolean won);

    /** An asynchronous report from a connector (funds received, confirmations, failure). */
    PaymentResult onConnectorEvent(ConnectorEvent event);

    /** Releases authorizations past their validity; the scheduled job's work, callable by operations. */
    int expireDueAuthorizations();

    /** Finishes steps left in flight (crash, timeout) with the same keys; the recovery job's work. */
    int recoverStuckOperations();
}
