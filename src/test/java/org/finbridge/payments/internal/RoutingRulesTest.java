package org.finbridge.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.finbridge.money.Money;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.connector.ConnectorOutcome;
import org.finbridge.payments.connector.ConnectorProfile;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.ConnectorRouting;
import org.finbridge.payments.connector.DeclineCode;
import org.finbridge.payments.connector.PaymentConnector;
import org.finbridge.payments.connector.Region;
import org.finbridge.payments.connector.http.AcquirerContracts;
import org.junit.jupiter.api.Test;

/** The routing policy on its own: rules, limits, cost and success rate, without Spring or HTTP. */
class RoutingRulesTest {

    private static PaymentConnector connector(ConnectorProfile profile) {
        return new PaymentConnector() {
            public String name() {
                return profile.name();
            }

            public ConnectorProfile profile() {
                return profile;
            }

            public ConnectorOutcome authorize(ConnectorRequest.Authorize r) {
                throw new UnsupportedOperationException();
            }

            public ConnectorOutcome capture(ConnectorRequest.Capture r) {
                throw new UnsupportedOperationException();
            }

            public ConnectorOutcome voidAuthorization(ConnectorRequest.Void r) {
                throw new UnsupportedOperationException();
            }

            public ConnectorOutcome refund(ConnectorRequest.Refund r) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private final Connectors connectors = new Connectors(List.of(connector(AcquirerContracts.orbit()),
            connector(AcquirerContracts.acme()), connector(AcquirerContracts.andes())));

    private static ConnectorRouting.Facts card(long amount, String currency, String buyerCountry, Region region) {
        return new ConnectorRouting.Facts(MethodType.CARD, Money.ofMinor(amount, currency), region, buyerCountry, "DE");
    }

    private static List<String> names(ConnectorRouting.Decision d) {
        return d.connectors().stream().map(PaymentConnector::name).toList();
    }

    @Test
    void withoutRulesEveryConnectorThatTakesThePaymentIsRankedByExpectedCost() {
        var routing = new RuleBasedRouting(connectors, new RoutingProperties(null, null, null), new SuccessRates(10));
        var d = routing.decide(card(10_000, "EUR", "DE", Region.DOMESTIC));
        assertThat(d.rule()).isEqualTo("default");
        assertThat(names(d)).containsExactly(AcquirerContracts.ACME, AcquirerContracts.ORBIT); // Andes takes no cards
    }

    @Test
    void theFirstMatchingRuleNamesTheEligibleConnectors() {
        var large = new RoutingProperties.Rule("large-eur", Set.of(MethodType.CARD), Set.of("EUR"), Set.of(), 100_000L, null,
                List.of(AcquirerContracts.ORBIT));
        var french = new RoutingProperties.Rule("fr-cards", Set.of(MethodType.CARD), Set.of(), Set.of("FR"), null, null,
                List.of(AcquirerContracts.ACME));
        var routing = new RuleBasedRouting(connectors, new RoutingProperties(List.of(large, french), null, null), new SuccessRates(10));

        assertThat(routing.decide(card(100_000, "EUR", "FR", Region.CROSS_BORDER)).rule()).isEqualTo("large-eur");
        assertThat(names(routing.decide(card(100_000, "EUR", "FR", Region.CROSS_BORDER)))).containsExactly(AcquirerContracts.ORBIT);
        assertThat(names(routing.decide(card(99_999, "EUR", "FR", Region.CROSS_BORDER)))).containsExactly(AcquirerContracts.ACME);
        assertThat(routing.decide(card(99_999, "EUR", "IT", Region.CROSS_BORDER)).rule()).isEqualTo("default");
    }

    @Test
    void aRuleNamingAConnectorThatRefusesTheCurrencyLeavesNoCandidate() {
        var rule = new RoutingProperties.Rule("brl-cards", Set.of(MethodType.CARD), Set.of("BRL"), Set.of(), null, null,
                List.of(AcquirerContracts.ORBIT)); // Orbit takes no BRL
        var routing = new RuleBasedRouting(connectors, new RoutingProperties(List.of(rule), null, null), new SuccessRates(10));
        assertThat(routing.decide(card(10_000, "BRL", "BR", Region.DOMESTIC)).choices()).isEmpty();
    }

    @Test
    void hardDeclinesDoNotCountAgainstAConnectorButSoftDeclinesAndOutagesDo() {
        var routing = new RuleBasedRouting(connectors, new RoutingProperties(null, 10, 1000L), new SuccessRates(10));
        routing.observed(AcquirerContracts.ACME, new ConnectorOutcome.Declined(DeclineCode.EXPIRED_CARD, "hard"));
        routing.observed(AcquirerContracts.ACME, new ConnectorOutcome.Declined(DeclineCode.SUSPECTED_FRAUD, "hard"));
        assertThat(names(routing.decide(card(10_000, "EUR", "DE", Region.DOMESTIC)))).first().isEqualTo(AcquirerContracts.ACME);

        routing.observed(AcquirerContracts.ACME, new ConnectorOutcome.Unavailable("503"));
        var d = routing.decide(card(10_000, "EUR", "DE", Region.DOMESTIC));
        assertThat(names(d)).containsExactly(AcquirerContracts.ORBIT, AcquirerContracts.ACME);
        assertThat(d.choices().get(1).reason()).contains("success rate 0.0000 over 1", "expected cost 1140.00");
    }

    @Test
    void theSuccessWindowForgetsTheOldestAnswers() {
        SuccessRates rates = new SuccessRates(4);
        for (int i = 0; i < 4; i++) {
            rates.record("x", false);
        }
        assertThat(rates.rate("x")).isEqualByComparingTo("0");
        rates.record("x", true);
        rates.record("x", true);
        assertThat(rates.rate("x")).isEqualByComparingTo("0.5");
        assertThat(rates.observations("x")).isEqualTo(4);
        assertThat(rates.rate("never-seen")).isEqualByComparingTo("1");
    }
}
