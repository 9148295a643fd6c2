package org.finbridge.payments.internal;

import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentResult;
import org.finbridge.payments.Payments;
import org.finbridge.payments.connector.ConnectorEvent;
import org.finbridge.payments.connector.simulated.BuyerSimulation;
import org.springframework.stereotype.Component;

/**
 * Test mode: plays the buyer of a push payment (pays, pays another amount, gives up, or sees the chain
 * confirm it) on the simulated connector that holds it, and feeds the connector's report to the
 * payments module as a real connector's notification would be.
 */
@Component
public class BuyerSimulator {

    private final PaymentStore store;
    private final Connectors connectors;
    private final Payments payments;
    private final org.springframework.beans.factory.ObjectProvider<org.finbridge.payments.simulators.Simulators> simulators;
    private final PaymentViews views;

    BuyerSimulator(PaymentStore store, Connectors connectors, Payments payments,
                   org.springframework.beans.factory.ObjectProvider<org.finbridge.payments.simulators.Simulators> simulators,
                   PaymentViews views) {
        this.store = store;
        this.connectors = connectors;
        this.payments = payments;
        this.simulators = simulators;
        this.views = views;
    }

    public PaymentResult report(PaymentId id, BuyerSimulation.BuyerReport report) {
        PaymentRecord p = store.find(id).orElse(null);
        if (p == null) {
            return new PaymentResult.NotFound();
        }
        var overHttp = p.connector == null || p.connectorReference == null ? java.util.Optional.<org.finbridge.payments.simulators.AcquirerSimulator>empty()
                : java.util.Optional.ofNullable(simulators.getIfAvailable()).flatMap(s -> s.named(p.connector));
        if (overHttp.isPresent()) {
            // the buyer pays at the simulated acquirer, which notifies the platform asynchronously (signed)
            overHttp.get().checkout(p.connectorReference, report.paid());
            return new PaymentResult.Done(views.of(p));
        }
        if (p.connector == null || p.connectorReference == null
                || !(connectors.named(p.connector) instanceof BuyerSimulation simulation)) {
            return new PaymentResult.IllegalTransition(p.state, "simulate"); // nothing awaits a buyer here
        }
        ConnectorEvent event = simulation.report(p.connectorReference, report);
        return event == null ? new PaymentResult.NotFound() : payments.onConnectorEvent(event);
    }
}
