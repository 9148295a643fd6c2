package org.finbridge.settlement.internal;

import org.finbridge.platform.metrics.SqlGauges;
import org.springframework.stereotype.Component;

/** Settlement runs by status, payouts by status and the reconciliation exception queue. */
@Component
class SettlementMetrics {

    SettlementMetrics(SqlGauges gauges) {
        gauges.grouped("finbridge_settlement_runs", "settlement runs by status", "status",
                "select status, count(*) from settlement_runs group by status");
        gauges.grouped("finbridge_payouts", "payouts by state", "state",
                "select state, count(*) from payouts group by state");
        gauges.value("finbridge_reconciliation_exceptions", "statement lines waiting in the exception queue",
                "select count(*) from recon_exceptions");
    }
}
