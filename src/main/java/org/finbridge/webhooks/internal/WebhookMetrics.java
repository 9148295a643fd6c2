package org.finbridge.webhooks.internal;

import org.finbridge.platform.metrics.SqlGauges;
import org.springframework.stereotype.Component;

/** The webhook backlog: deliveries still to be made (an alert when it grows) and those given up. */
@Component
class WebhookMetrics {

    WebhookMetrics(SqlGauges gauges) {
        gauges.grouped("finbridge_webhook_deliveries", "webhook deliveries by status", "status",
                "select status, count(*) from webhook_deliveries group by status");
    }
}
