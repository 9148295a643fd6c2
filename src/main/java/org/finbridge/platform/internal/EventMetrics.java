package org.finbridge.platform.internal;

import org.finbridge.platform.metrics.SqlGauges;
import org.springframework.stereotype.Component;

/** Module events committed but not yet handled by every listener (or not yet acknowledged by Kafka). */
@Component
class EventMetrics {

    EventMetrics(SqlGauges gauges) {
        gauges.value("finbridge_event_publications_incomplete", "event publications not yet completed",
                "select count(*) from event_publication where completion_date is null");
    }
}
