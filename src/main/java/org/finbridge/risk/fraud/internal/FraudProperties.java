package org.finbridge.risk.fraud.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fraud scoring settings ({@code finbridge.risk.fraud.*}).
 *
 * @param mode ENFORCE: decisions take effect; SHADOW: every payment is scored and the decision stored, but
 *             the payment is allowed (for trying a new model or rule set on live traffic before it acts)
 * @param rebuildDays how far back the warm cache is rebuilt from stored decisions at start (chargeback
 *                    history looks back 180 days)
 */
@ConfigurationProperties("finbridge.risk.fraud")
public record FraudProperties(org.finbridge.risk.fraud.FraudMode.Mode mode, Integer rebuildDays) {

    public FraudProperties {
        mode = mode == null ? org.finbridge.risk.fraud.FraudMode.Mode.ENFORCE : mode;
        rebuildDays = rebuildDays == null ? 180 : rebuildDays;
    }
}
