package org.finbridge.webhooks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.PartyId;
import org.finbridge.webhooks.EndpointStatus;
import org.finbridge.webhooks.WebhookEndpoint;
import org.finbridge.webhooks.WebhookEndpointId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_endpoints} table. */
@Repository
class EndpointRows {

    private static final String COLUMNS = "id, party_id, url, description, event_types, status, disabled_reason, "
            + "created_at, updated_at, previous_secret_expires_at";

    private final JdbcClient jdbc;

    EndpointRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WebhookEndpoint e, String secret) {
        jdbc.sql("""
                insert into webhook_endpoints (id, party_id, url, description, event_types, status, secret, created_at, updated_at)
                values (:id, :party, :url, :description, :types, :status, :secret, :now, :now)""")
                .param("id", e.id().value()).param("party", e.owner().value()).param("url", e.url())
                .param("description", e.description()).param("types", String.join(",", e.eventTypes()))
                .param("status", e.status().name()).param("secret", secret).param("now", Rows.at(e.createdAt()))
                .update();
    }

    Optional<WebhookEndpoint> find(WebhookEndpointId id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where id = :id").param("id", id.value())
                .query(EndpointRows::read).optional();
    }

    List<WebhookEndpoint> ofParty(PartyId party) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where party_id = :party order by id")
                .param("party", party.value()).query(EndpointRows::read).list();
    }

    int countOf(PartyId party) {
        return jdbc.sql("select count(*) from webhook_endpoints where party_id = :party").param("party", party.value())
                .query(Integer.class).single();
    }

    void update(WebhookEndpoint e) {
        jdbc.sql("""
                update webhook_endpoints set url = :url, description = :description, event_types = :types, updated_at = :now
                where id = :id""")
                .param("url", e.url()).param("description", e.description())
                .param("types", String.join(",", e.eventTypes())).param("now", Rows.at(e.updatedAt()))
                .param("id", e.id().value()).update();
    }

    /** Changes the status unless it already is that; answers whether it changed (one node wins a race). */
    boolean changeStatus(WebhookEndpointId id, EndpointStatus to, String reason, Instant now) {
        return jdbc.sql("""
                update webhook_endpoints set status = :to, disabled_reason = :reason, updated_at = :now
                where id = :id and status <> :to""")
                .param("to", to.name()).param("reason", reason).param("now", Rows.at(now)).param("id", id.value())
                .update() == 1;
    }

    /** The current secret becomes the previous one until {@code previousExpiresAt}; null drops it at once. */
    void rotate(WebhookEndpointId id, String newSecret, Instant previousExpiresAt, Instant now) {
        String previous = previousExpiresAt == null ? "null" : "secret";
        jdbc.sql("update webhook_endpoints set previous_secret = " + previous + ", previous_secret_expires_at = :until,"
                        + " secret = :secret, updated_at = :now where id = :id")
                .param("until", Rows.at(previousExpiresAt)).param("secret", newSecret).param("now", Rows.at(now))
                .param("id", id.value()).update();
    }

    private static WebhookEndpoint read(ResultSet rs, int row) throws SQLException {
        return new WebhookEndpoint(new WebhookEndpointId(rs.getObject("id", UUID.class)),
                new PartyId(rs.getObject("party_id", UUID.class)), rs.getString("url"), rs.getString("description"),
                Arrays.asList(rs.getString("event_types").split(",")), EndpointStatus.valueOf(rs.getString("status")),
                rs.getString("disabled_reason"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                Rows.instant(rs, "previous_secret_expires_at"));
    }
}
