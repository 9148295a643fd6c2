package org.finbridge.payments.internal;

import org.finbridge.platform.metrics.SqlGauges;
import org.springframework.stereotype.Component;

/** Payments by state and payment operations waiting for a connector, for dashboards and alerts. */
@Component
class PaymentMetrics {

    PaymentMetrics(SqlGauges gauges) {
        gauges.grouped("finbridge_payments", "payments by state", "state",
                "select state, count(*) from payments group by state");
        gauges.value("finbridge_payment_operations_pending", "operations sent to a connector and not yet answered",
                "select count(*) from payment_operations where status = 'PENDING'");
    }
}
