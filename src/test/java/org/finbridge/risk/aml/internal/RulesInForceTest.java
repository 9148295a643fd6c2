package org.finbridge.risk.aml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulesInForceTest {

    @Test
    void theRulesInForceHaveDistinctNamesAndShowTheirParameters() {
        List<MonitoringRule> rules = RulesInForce.perCustomer();
        assertThat(rules.stream().map(MonitoringRule::name).distinct().count()).isEqualTo(rules.size());
        assertThat(rules).allSatisfy(r -> assertThat(r.parameters()).isNotEmpty());
        assertThat(rules.stream().map(MonitoringRule::name)).contains("large-value-0501", "large-value-0502",
                "large-value-0503", "large-value-0504", "structuring", "rapid-in-and-out", "fan-in", "fan-out",
                "dormant-account-waking", "fatf-high-risk-jurisdiction", "ecommerce-brushing", "ecommerce-refund-abuse",
                "ecommerce-invoicing-mismatch", "ecommerce-split-orders");
        assertThat(RulesInForce.network().parameters()).containsKey("windowDays");
    }
}
