package org.finbridge.payments.internal;

import org.finbridge.money.Money;
import org.finbridge.payments.connector.FeeSchedule;
import org.finbridge.payments.connector.PaymentConnector;
import org.springframework.stereotype.Component;

/**
 * What is taken from each capture before it reaches the merchant: the connector's fee (its own schedule,
 * by method and region), the platform's fee, and the rolling reserve. Each is rounded half up to the
 * minor unit and together they never exceed the capture.
 */
@Component
class FeePolicy {

    private final PaymentsProperties properties;

    FeePolicy(PaymentsProperties properties) {
        this.properties = properties;
    }

    LedgerPostings.Deductions deductions(PaymentConnector connector, PaymentRecord p, Money captured) {
        long acquirer = connector.profile().fees().fee(p.method.type(), p.region, captured).minorUnits();
        long left = captured.minorUnits() - acquirer;
        long platform = Math.min(left, FeeSchedule.apply(properties.platformFeeBasisPoints(),
                properties.platformFeeFixedMinor(), captured).minorUnits());
        left -= platform;
        long reserve = Math.min(left, FeeSchedule.apply(properties.reserveBasisPoints(), captured).minorUnits());
        return new LedgerPostings.Deductions(acquirer, platform, reserve);
    }
}
