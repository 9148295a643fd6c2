package org.finbridge.payments.internal;

import org.finbridge.payments.RiskPolicy;
import org.finbridge.payments.connector.ConnectorRouting;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PaymentsProperties.class, RoutingProperties.class})
class PaymentsConfiguration {

    /** Until the risk module provides a policy: allow everything, under a name that says so. */
    @Bean
    @ConditionalOnMissingBean(RiskPolicy.class)
    RiskPolicy neutralRiskPolicy() {
        return new NeutralRiskPolicy();
    }

    @Bean
    @ConditionalOnMissingBean(ConnectorRouting.class)
    ConnectorRouting ruleBasedRouting(Connectors connectors, RoutingProperties routing) {
        return new RuleBasedRouting(connectors, routing, new SuccessRates(routing.successWindow()));
    }

    /** The events merchants may subscribe their webhook endpoints to (see {@code StepRunner.eventType}). */
    @Bean
    org.finbridge.webhooks.WebhookEventTypes paymentWebhookEvents() {
        return org.finbridge.webhooks.WebhookEventTypes.of("payment.created", "payment.requires_action",
                "payment.processing", "payment.authorized", "payment.succeeded", "payment.failed", "payment.canceled",
                "payment.captured", "payment.voided", "payment.expired", "payment.refunded", "dispute.opened",
                "dispute.evidence_submitted", "dispute.won", "dispute.lost");
    }

    @Bean
    TransactionTemplate paymentsTransactions(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }
}
