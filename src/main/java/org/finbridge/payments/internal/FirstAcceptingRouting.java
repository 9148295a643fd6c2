package org.finbridge.payments.internal;

import java.util.List;
import org.finbridge.payments.connector.ConnectorRouting;
import org.finbridge.payments.connector.PaymentConnector;

/**
 * The simplest routing: every connector whose profile accepts the method, currency and amount, in the
 * order the connectors were registered. Rule-, cost- and success-rate-aware routing replaces it by
 * declaring its own {@link ConnectorRouting} bean.
 */
class FirstAcceptingRouting implements ConnectorRouting {

    private final Connectors connectors;

    FirstAcceptingRouting(Connectors connectors) {
        this.connectors = connectors;
    }

    @Override
    public List<PaymentConnector> candidates(Facts facts) {
        return connectors.all().stream()
                .filter(c -> c.profile().accepts(facts.method(), facts.amount().currency().code(), facts.amount().minorUnits()))
                .toList();
    }
}
