package org.finbridge.payments.connector.simulated;

import org.finbridge.payments.connector.ConnectorEvent;

/**
 * Stands in for the buyer and the scheme behind a push method: the buyer pays (or gives up), and the
 * simulated connector reports it as a real one would, after its own finality rule.
 */
public interface BuyerSimulation {

    /** The connector's report for what the buyer did, or null when it knows no such payment. */
    ConnectorEvent report(String reference, BuyerReport report);

    /**
     * @param paid false when the buyer abandons the payment
     * @param amountMinor what the buyer actually sent, in the payment's currency (null = the exact amount)
     * @param confirmations for chain payments, how many blocks confirm the transfer so far (null = final)
     */
    record BuyerReport(boolean paid, Long amountMinor, Integer confirmations) {
    }
}
