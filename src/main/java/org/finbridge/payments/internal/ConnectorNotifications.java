package org.finbridge.payments.internal;

import java.time.Clock;
import org.finbridge.payments.PaymentResult;
import org.finbridge.payments.Payments;
import org.finbridge.payments.connector.ConnectorEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notifications from connectors, applied once per notification id. Connectors deliver at least once
 * (and an attacker may replay a captured one within the signature's tolerance): a notification already
 * received is acknowledged and changes nothing. The id is recorded after the event was applied, so a
 * crash in between makes the connector's retry apply it again, which the payment's state machine
 * answers as a step already taken.
 */
@Component
public class ConnectorNotifications {

    public enum Receipt { APPLIED, DUPLICATE, UNKNOWN_PAYMENT }

    private final JdbcClient jdbc;
    private final Payments payments;
    private final Connectors connectors;
    private final Clock clock;

    ConnectorNotifications(JdbcClient jdbc, Payments payments, Connectors connectors, Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.connectors = connectors;
        this.clock = clock;
    }

    public boolean knows(String connector) {
        return connectors.find(connector).isPresent();
    }

    public Receipt receive(String notificationId, String type, ConnectorEvent event) {
        boolean seen = jdbc.sql("select count(*) from connector_notifications where connector = :c and notification_id = :id")
                .param("c", event.connector()).param("id", notificationId).query(Integer.class).single() > 0;
        if (seen) {
            return Receipt.DUPLICATE;
        }
        PaymentResult result = payments.onConnectorEvent(event);
        if (result instanceof PaymentResult.NotFound) {
            return Receipt.UNKNOWN_PAYMENT;
        }
        try {
            jdbc.sql("""
                    insert into connector_notifications (connector, notification_id, event_type, reference, received_at)
                    values (:c, :id, :type, :ref, :at)""")
                    .param("c", event.connector()).param("id", notificationId).param("type", type)
                    .param("ref", event.reference()).param("at", PaymentStore.at(clock.instant())).update();
        } catch (DuplicateKeyException raced) {
            return Receipt.DUPLICATE; // the same notification, delivered twice at once: applied once by the steps' own lock
        }
        return Receipt.APPLIED;
    }
}
