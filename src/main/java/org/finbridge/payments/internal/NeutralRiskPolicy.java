package org.finbridge.payments.internal;

import org.finbridge.payments.RiskPolicy;

/**
 * A placeholder that allows every payment: NO RISK CHECKS ARE MADE while it is in force. It stands in
 * until the risk module declares its own {@link RiskPolicy} bean, which replaces this one.
 */
class NeutralRiskPolicy implements RiskPolicy {

    @Override
    public Decision assess(Facts facts) {
        return new Allow();
    }
}
