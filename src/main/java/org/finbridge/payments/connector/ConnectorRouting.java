package org.finbridge.payments.connector;

import java.util.List;
import org.finbridge.money.Money;
import org.finbridge.payments.MethodType;

/**
 * Chooses which connectors may take a payment, best first, and says why. The payments module asks it
 * once per authorization and then tries the candidates in order, failing over on soft declines,
 * timeouts and outages (never on hard declines); each answer is reported back through
 * {@link #observed} so that a routing policy can follow connectors' recent success.
 */
public interface ConnectorRouting {

    /** Candidates in order of preference; empty when no connector accepts the payment. */
    List<PaymentConnector> candidates(Facts facts);

    /** The candidates with the rule that selected them and each one's reasons; by default those of {@link #candidates}. */
    default Decision decide(Facts facts) {
        return new Decision("default", candidates(facts).stream()
                .map(c -> new Choice(c, "accepts the method, currency and amount")).toList());
    }

    /** A connector's answer to an authorization this routing chose it for. */
    default void observed(String connector, ConnectorOutcome outcome) {
    }

    record Facts(MethodType method, Money amount, Region region, String buyerCountry, String merchantCountry) {
    }

    /** @param reason a person-readable account of why the connector is here and at this place */
    record Choice(PaymentConnector connector, String reason) {
    }

    /** @param rule the name of the routing rule that made the connectors eligible */
    record Decision(String rule, List<Choice> choices) {
        public Decision {
            choices = List.copyOf(choices);
        }

        public List<PaymentConnector> connectors() {
            return choices.stream().map(Choice::connector).toList();
        }
    }
}
