package org.finbridge.payments.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.finbridge.money.Money;
import org.finbridge.payments.connector.ConnectorOutcome;
import org.finbridge.payments.connector.ConnectorRouting;
import org.finbridge.payments.connector.PaymentConnector;

/**
 * Routing by rules, then by expected cost (Hyperswitch's rule-based plus success-rate-based routing):
 * <ol>
 *   <li>the first {@link RoutingProperties.Rule} matching the payment's method, currency, buyer country
 *       and amount names the eligible connectors (no rule: every connector);</li>
 *   <li>connectors whose profile does not take the method, currency or amount are dropped;</li>
 *   <li>the rest are ordered by expected cost: the fee from the connector's own schedule plus the cost
 *       of a failure ({@code failureCostBasisPoints} of the amount) times its recent failure rate. With
 *       equal success rates the cheaper connector wins; a cheap connector that fails often loses to a
 *       dearer one that does not. Ties keep the rule's order.</li>
 * </ol>
 * Each choice carries its numbers as its reason, so every decision can be explained afterwards.
 */
class RuleBasedRouting implements ConnectorRouting {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final Connectors connectors;
    private final RoutingProperties properties;
    private final SuccessRates rates;

    RuleBasedRouting(Connectors connectors, RoutingProperties properties, SuccessRates rates) {
        this.connectors = connectors;
        this.properties = properties;
        this.rates = rates;
    }

    @Override
    public List<PaymentConnector> candidates(Facts facts) {
        return decide(facts).connectors();
    }

    @Override
    public Decision decide(Facts facts) {
        Optional<RoutingProperties.Rule> rule = properties.rules().stream().filter(r -> r.matches(facts)).findFirst();
        List<PaymentConnector> eligible = rule.map(r -> r.connectors().stream().map(connectors::find)
                .flatMap(Optional::stream).toList()).orElse(connectors.all());
        String ruleName = rule.map(RoutingProperties.Rule::name).orElse("default");
        List<Scored> scored = eligible.stream()
                .filter(c -> c.profile().accepts(facts.method(), facts.amount().currency().code(), facts.amount().minorUnits()))
                .map(c -> score(c, facts))
                .sorted(Comparator.comparing(Scored::expectedCost)) // stable: ties keep the rule's order
                .toList();
        return new Decision(ruleName, scored.stream().map(s -> new Choice(s.connector(), s.reason(ruleName))).toList());
    }

    private Scored score(PaymentConnector c, Facts facts) {
        Money fee = c.profile().fees().fee(facts.method(), facts.region(), facts.amount());
        BigDecimal rate = rates.rate(c.name());
        BigDecimal failureCost = BigDecimal.valueOf(facts.amount().minorUnits())
                .multiply(BigDecimal.valueOf(properties.failureCostBasisPoints())).divide(TEN_THOUSAND, 4, RoundingMode.HALF_UP)
                .multiply(BigDecimal.ONE.subtract(rate));
        BigDecimal expected = BigDecimal.valueOf(fee.minorUnits()).add(failureCost).setScale(2, RoundingMode.HALF_UP);
        return new Scored(c, fee, rate, rates.observations(c.name()), expected);
    }

    /** Forgets the connectors' recent history (after an acquirer's incident is closed; tests). */
    void forgetHistory() {
        rates.reset();
    }

    @Override
    public void observed(String connector, ConnectorOutcome outcome) {
        switch (outcome) {
            case ConnectorOutcome.Approved a -> rates.record(connector, true);
            case ConnectorOutcome.ActionRequired a -> rates.record(connector, true);
            case ConnectorOutcome.Declined d -> {
                if (d.isSoft()) {
                    rates.record(connector, false);
                }
            }
            case ConnectorOutcome.TimedOut t -> rates.record(connector, false);
            case ConnectorOutcome.Unavailable u -> rates.record(connector, false);
        }
    }

    private record Scored(PaymentConnector connector, Money fee, BigDecimal successRate, int observations,
                          BigDecimal expectedCost) {
        String reason(String rule) {
            return "rule " + rule + "; fee " + fee.minorUnits() + " minor units of " + fee.currency()
                    + "; success rate " + successRate.toPlainString() + " over " + observations
                    + " recent attempts; expected cost " + expectedCost.toPlainString() + " minor units";
        }
    }
}
