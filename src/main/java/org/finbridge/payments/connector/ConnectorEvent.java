package org.finbridge.payments.connector;

import org.finbridge.money.Money;

/**
 * An asynchronous report from a connector about a payment it holds by {@code reference}. Connectors
 * apply their own finality rules before reporting {@link Settled}: a stablecoin connector after N
 * confirmations on the chain, a virtual-account connector when the bank reports the transfer.
 */
public sealed interface ConnectorEvent {

    String connector();

    String reference();

    /** The buyer has paid but the money is not final yet (too few confirmations, clearing). */
    record Processing(String connector, String reference, String detail) implements ConnectorEvent {
    }

    /** The money is final: {@code processed} in the connector's settlement currency. */
    record Settled(String connector, String reference, Money processed) implements ConnectorEvent {
    }

    /** The buyer's payment failed or was abandoned. */
    record Failed(String connector, String reference, DeclineCode code) implements ConnectorEvent {
    }

    /** The buyer's bank opened a dispute (a chargeback notice) for {@code amount}. */
    record DisputeOpened(String connector, String reference, Money amount, String reason) implements ConnectorEvent {
    }
}
