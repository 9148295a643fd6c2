package org.finbridge.payments.connector;

import java.util.List;
import org.finbridge.money.Money;
import org.finbridge.payments.MethodType;

/**
 * Chooses which connectors may take a payment, best first. The payments module ships a first-accepting
 * policy; rule-, cost- and success-rate-aware routing with failover replaces it as another bean.
 */
public interface ConnectorRouting {

    /** Candidates in order of preference; empty when no connector accepts the payment. */
    List<PaymentConnector> candidates(Facts facts);

    record Facts(MethodType method, Money amount, Region region, String buyerCountry, String merchantCountry) {
    }
}
