package org.finbridge.payments.internal;

import java.util.List;
import java.util.Set;
import org.finbridge.payments.MethodType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Routing rules and how the choice among eligible connectors is weighed ({@code finbridge.routing.*}).
 *
 * @param rules the first rule matching a payment's method, currency, buyer country and amount names the
 *              eligible connectors; a payment no rule matches may go to every connector that accepts it
 * @param successWindow how many recent authorizations per connector its success rate is taken over
 * @param failureCostBasisPoints what a failed attempt is taken to cost, in basis points of the amount
 *                               (the sale at risk and the buyer's patience): a connector's expected cost is
 *                               its fee plus this times its recent failure rate (default 1000 = 10 %)
 */
@ConfigurationProperties("finbridge.routing")
record RoutingProperties(List<Rule> rules, Integer successWindow, Long failureCostBasisPoints) {

    RoutingProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
        successWindow = successWindow == null ? 100 : successWindow;
        failureCostBasisPoints = failureCostBasisPoints == null ? 1000 : failureCostBasisPoints;
        if (successWindow < 1) {
            throw new IllegalArgumentException("finbridge.routing.success-window must be at least 1");
        }
    }

    /**
     * Empty sets and null bounds match anything.
     *
     * @param countries the buyer's country (ISO 3166-1 alpha-2)
     * @param minAmount smallest amount, in minor units of the payment's currency (inclusive)
     * @param maxAmount largest amount (inclusive)
     * @param connectors eligible connectors by name
     */
    record Rule(String name, Set<MethodType> methods, Set<String> currencies, Set<String> countries, Long minAmount,
                Long maxAmount, List<String> connectors) {

        Rule {
            methods = methods == null ? Set.of() : Set.copyOf(methods);
            currencies = currencies == null ? Set.of() : Set.copyOf(currencies);
            countries = countries == null ? Set.of() : Set.copyOf(countries);
            connectors = connectors == null ? List.of() : List.copyOf(connectors);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("every routing rule needs a name: decisions cite it");
            }
        }

        boolean matches(org.finbridge.payments.connector.ConnectorRouting.Facts f) {
            long amount = f.amount().minorUnits();
            return (methods.isEmpty() || methods.contains(f.method()))
                    && (currencies.isEmpty() || currencies.contains(f.amount().currency().code()))
                    && (countries.isEmpty() || (f.buyerCountry() != null && countries.contains(f.buyerCountry())))
                    && (minAmount == null || amount >= minAmount)
                    && (maxAmount == null || amount <= maxAmount);
        }
    }
}
