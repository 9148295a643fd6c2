package org.finbridge.payments.connector.simulated;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.finbridge.money.Money;
import org.finbridge.payments.NextAction;
import org.finbridge.payments.connector.ConnectorEvent;
import org.finbridge.payments.connector.ConnectorOutcome;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.DeclineCode;

/**
 * A push method: authorizing only tells the buyer how to pay ({@link NextAction}); the money arrives
 * later and is reported as a {@link ConnectorEvent}. Push payments are captured in full when final.
 */
abstract class SimulatedPushConnector extends SimulatedConnector implements BuyerSimulation {

    /** A payment the buyer has been asked to make. */
    record Awaited(ConnectorRequest.Authorize request, Money processed) {
    }

    private final Map<String, Awaited> awaited = new ConcurrentHashMap<>();

    @Override
    ConnectorOutcome decideAuthorization(ConnectorRequest.Authorize r, String reference, Money processed) {
        awaited.putIfAbsent(reference, new Awaited(r, processed));
        return new ConnectorOutcome.ActionRequired(reference, nextAction(r, reference));
    }

    abstract NextAction nextAction(ConnectorRequest.Authorize r, String reference);

    @Override
    public ConnectorEvent report(String reference, BuyerReport report) {
        Awaited a = awaited.get(reference);
        if (a == null) {
            return null;
        }
        if (!report.paid()) {
            return new ConnectorEvent.Failed(name(), reference, DeclineCode.BUYER_ABANDONED);
        }
        ConnectorEvent event = finality(reference, a, report);
        if (event instanceof ConnectorEvent.Settled s) {
            opened(reference, s.processed(), s.processed().minorUnits());
        }
        return event;
    }

    /** When the money is final; by default as soon as the buyer has paid the exact amount. */
    ConnectorEvent finality(String reference, Awaited a, BuyerReport report) {
        long expected = a.request().amount().minorUnits();
        if (report.amountMinor() != null && report.amountMinor() != expected) {
            return new ConnectorEvent.Processing(name(), reference, "received " + report.amountMinor() + " of "
                    + expected + " minor units: held for reconciliation");
        }
        return new ConnectorEvent.Settled(name(), reference, a.processed());
    }
}
