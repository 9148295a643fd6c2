package org.finbridge.payments.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.finbridge.payments.connector.ConnectorOutcome;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.ConnectorRouting;
import org.finbridge.payments.connector.PaymentConnector;
import org.springframework.stereotype.Component;

/**
 * Asks the connectors routing chose for a step, in order, until one answers for good. A soft decline,
 * a timeout (after the connector's own retries with the same key) or an outage moves on to the next
 * candidate; a hard decline does not, because the card would be refused anywhere and retrying it is
 * what card network rules penalise (Visa's excessive reattempts rule, Mastercard's Merchant Advice Codes).
 *
 * <p>Each candidate gets its own idempotency key derived from the step (the first keeps the step's own
 * key), and the order is read back from the recorded decision, so a recovery of the step asks the same
 * connectors the same questions and gets the first answers again.
 */
@Component
class Failover {

    /** The connector that answered last, and its answer. */
    record Attempted(PaymentConnector connector, ConnectorOutcome outcome) {
    }

    private final Connectors connectors;
    private final ConnectorRouting routing;
    private final RoutingJournal journal;
    private final Clock clock;

    Failover(Connectors connectors, ConnectorRouting routing, RoutingJournal journal, Clock clock) {
        this.connectors = connectors;
        this.routing = routing;
        this.journal = journal;
        this.clock = clock;
    }

    Attempted authorize(PaymentRecord p, OperationRecord op, boolean sale) {
        // routed by this request a moment ago: nothing was asked yet, and the order is the one just recorded;
        // a recovered step reads both back
        boolean fresh = p.routedCandidates != null && !p.routedCandidates.isEmpty();
        List<String> order = fresh ? p.routedCandidates
                : journal.candidates(p.id, op.seq()).filter(l -> !l.isEmpty()).orElse(List.of(p.connector));
        Set<String> reversed = fresh ? Set.of() : journal.reversed(p.id, op.seq()); // asked before this step was recovered: never again
        RoutingJournal.Attempts attempts = fresh ? RoutingJournal.Attempts.first() : RoutingJournal.Attempts.recorded();
        List<PaymentConnector> unheard = new ArrayList<>();
        List<String> unheardKeys = new ArrayList<>();
        Attempted last = null;
        for (int i = 0; i < order.size(); i++) {
            PaymentConnector c = connectors.named(order.get(i));
            if (reversed.contains(c.name())) {
                continue;
            }
            String key = i == 0 ? op.connectorKey() : op.connectorKey() + "@" + c.name();
            long started = System.nanoTime();
            ConnectorOutcome out = c.authorize(new ConnectorRequest.Authorize(key, p.id.toString(), p.requested, p.method,
                    sale, p.region));
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            routing.observed(c.name(), out);
            boolean next = i + 1 < order.size() && failsOver(out);
            journal.recordAttempt(p.id, op.seq(), attempts, c.name(), out, elapsedMs, next, clock.instant());
            last = new Attempted(c, out);
            if (!next) {
                break;
            }
            if (out instanceof ConnectorOutcome.TimedOut) {
                unheard.add(c);
                unheardKeys.add(key);
            }
        }
        reverse(p, op, attempts, unheard, unheardKeys);
        return last;
    }

    /**
     * A connector that timed out may have authorized all the same: before the payment goes elsewhere,
     * it is asked to reverse whatever that request did (card schemes require a reversal when the
     * acquirer's answer is lost, so the buyer's funds are not held twice). Best effort: a reversal that
     * fails is recorded, and the acquirer's authorization then lapses at its own expiry.
     */
    private void reverse(PaymentRecord p, OperationRecord op, RoutingJournal.Attempts attempts, List<PaymentConnector> unheard,
                         List<String> keys) {
        for (int i = 0; i < unheard.size(); i++) {
            PaymentConnector c = unheard.get(i);
            long started = System.nanoTime();
            ConnectorOutcome out = c.reverse(new ConnectorRequest.Reverse(keys.get(i) + ":reversal", keys.get(i), p.requested));
            journal.recordReversal(p.id, op.seq(), attempts, c.name(), out, (System.nanoTime() - started) / 1_000_000, clock.instant());
        }
    }

    static boolean failsOver(ConnectorOutcome out) {
        return switch (out) {
            case ConnectorOutcome.Declined d -> d.isSoft();
            case ConnectorOutcome.TimedOut t -> true;
            case ConnectorOutcome.Unavailable u -> true;
            case ConnectorOutcome.Approved a -> false;
            case ConnectorOutcome.ActionRequired a -> false;
        };
    }
}
