package org.finbridge.webhooks.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.PartyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_events} table: one row per published event. */
@Repository
class EventRows {

    record StoredEvent(UUID ref, String eventType, String body) {
    }

    private final JdbcClient jdbc;

    EventRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredEvent> find(PartyId recipient, String eventId) {
        return jdbc.sql("select id, event_type, body from webhook_events where recipient_id = :recipient and event_id = :eventId")
                .param("recipient", recipient.value()).param("eventId", eventId)
                .query((rs, n) -> new StoredEvent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /**
     * Inserts the event unless one with this id was already published to the recipient, in one round
     * trip; answers whether it inserted. (Two first publications racing still meet the unique
     * constraint, as with a plain insert.)
     */
    boolean insertIfAbsent(UUID ref, PartyId recipient, String eventId, String eventType, String body, Instant now) {
        return jdbc.sql("""
                insert into webhook_events (id, recipient_id, event_id, event_type, body, created_at)
                select :id, :recipient, :eventId, :type, :body, :now
                where not exists (select 1 from webhook_events where recipient_id = :recipient and event_id = :eventId)""")
                .param("id", ref).param("recipient", recipient.value()).param("eventId", eventId)
                .param("type", eventType).param("body", body).param("now", Rows.at(now)).update() == 1;
    }

    void insert(UUID ref, PartyId recipient, String eventId, String eventType, String body, Instant now) {
        jdbc.sql("""
                insert into webhook_events (id, recipient_id, event_id, event_type, body, created_at)
                values (:id, :recipient, :eventId, :type, :body, :now)""")
                .param("id", ref).param("recipient", recipient.value()).param("eventId", eventId)
                .param("type", eventType).param("body", body).param("now", Rows.at(now)).update();
    }
}
