package org.finbridge.payments.connector;

/**
 * An acquirer or payment institution. Implementations are Spring beans; the payments module finds them
 * all and routing chooses among those whose {@link #profile()} accepts the payment.
 *
 * <p>Contract: every call is idempotent on {@link ConnectorRequest#idempotencyKey()} (a repeated key
 * answers the first outcome and moves nothing twice); business refusals are answered as
 * {@link ConnectorOutcome.Declined}, never thrown; an exception is a bug. A connector that talks HTTP
 * maps its timeouts to {@link ConnectorOutcome.TimedOut} and an open circuit or refused connection to
 * {@link ConnectorOutcome.Unavailable}.
 */
public interface PaymentConnector {

    /** A stable name, used in ledger account names (so never renamed): lower-case letters, digits, hyphens. */
    String name();

    ConnectorProfile profile();

    ConnectorOutcome authorize(ConnectorRequest.Authorize request);

    ConnectorOutcome capture(ConnectorRequest.Capture request);

    ConnectorOutcome voidAuthorization(ConnectorRequest.Void request);

    ConnectorOutcome refund(ConnectorRequest.Refund request);

    /**
     * Reverses an authorization whose answer was lost (a timeout before failing over elsewhere), found by
     * the key it was sent with; {@link ConnectorOutcome.Approved} also when there was nothing to reverse.
     * Connectors that cannot reverse answer {@link ConnectorOutcome.Unavailable}, and the authorization
     * then lapses at the acquirer.
     */
    default ConnectorOutcome reverse(ConnectorRequest.Reverse request) {
        return new ConnectorOutcome.Unavailable(name() + " takes no reversals");
    }
}
