package org.finbridge.webhooks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.finbridge.party.PartyId;
import org.finbridge.webhooks.EndpointStatus;
import org.finbridge.webhooks.WebhookEndpoint;
import org.finbridge.webhooks.WebhookEndpointId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code webhook_endpoints} table, and the endpoints of each recipient as the publisher sees them.
 *
 * <p>Every payment step publishes an event, and a recipient's endpoints change a few times a year: the
 * publisher reads them from {@link #ofRecipient} at most {@link #RECIPIENT_TTL_NANOS} old. A change made
 * on this node is seen by the next event after it commits; one made on another node within five seconds
 * (an endpoint created there receives the events published from then on, as one created a few seconds
 * later would). An endpoint disabled on another node may still get deliveries in those seconds: they are
 * not sent while it is disabled, as the dispatcher claims deliveries of enabled endpoints only.
 */
@Repository
class EndpointRows {

    private static final String COLUMNS = "id, party_id, url, description, event_types, status, disabled_reason, "
            + "created_at, updated_at, previous_secret_expires_at";

    private final JdbcClient jdbc;

    EndpointRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WebhookEndpoint e, String secret) {
        forgetRecipients();
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

    /**
     * The recipient's endpoints as read at most five seconds ago (see the class comment). Never answers a
     * change of this node that has not committed, nor keeps a read that overlapped one.
     */
    List<WebhookEndpoint> ofRecipient(PartyId party) {
        long now = System.nanoTime();
        Snapshot s = recipients.get(party);
        if (s != null && now - s.readAt() <= RECIPIENT_TTL_NANOS) {
            return s.endpoints();
        }
        long generation = changes.get();
        List<WebhookEndpoint> read = List.copyOf(ofParty(party));
        // a change of this node in flight (its transaction may be this one) or made during the read:
        // what was read is answered, not kept
        if (changing.get() == 0 && changes.get() == generation) {
            if (recipients.size() >= MAX_RECIPIENTS) {
                recipients.clear();
            }
            recipients.put(party, new Snapshot(read, now));
        }
        return read;
    }

    /** A write to the table: no recipient's endpoints are answered from memory until its transaction ends. */
    private void forgetRecipients() {
        changes.incrementAndGet();
        recipients.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            changing.incrementAndGet();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                    recipients.clear();
                    changing.decrementAndGet();
                }
            });
        }
    }

    private record Snapshot(List<WebhookEndpoint> endpoints, long readAt) {
    }

    private static final long RECIPIENT_TTL_NANOS = 5_000_000_000L;
    /** A bound on the memory held: past it, the recipients are read afresh. */
    private static final int MAX_RECIPIENTS = 10_000;
    private final ConcurrentHashMap<PartyId, Snapshot> recipients = new ConcurrentHashMap<>();
    /** Counts this node's writes, at the write and at its transaction's end. */
    private final AtomicLong changes = new AtomicLong();
    /** This node's writes whose transactions have not ended yet. */
    private final AtomicInteger changing = new AtomicInteger();

    int countOf(PartyId party) {
        return jdbc.sql("select count(*) from webhook_endpoints where party_id = :party").param("party", party.value())
                .query(Integer.class).single();
    }

    void update(WebhookEndpoint e) {
        forgetRecipients();
        jdbc.sql("""
                update webhook_endpoints set url = :url, description = :description, event_types = :types, updated_at = :now
                where id = :id""")
                .param("url", e.url()).param("description", e.description())
                .param("types", String.join(",", e.eventTypes())).param("now", Rows.at(e.updatedAt()))
                .param("id", e.id().value()).update();
    }

    /** Changes the status unless it already is that; answers whether it changed (one node wins a race). */
    boolean changeStatus(WebhookEndpointId id, EndpointStatus to, String reason, Instant now) {
        forgetRecipients();
        return jdbc.sql("""
                update webhook_endpoints set status = :to, disabled_reason = :reason, updated_at = :now
                where id = :id and status <> :to""")
                .param("to", to.name()).param("reason", reason).param("now", Rows.at(now)).param("id", id.value())
                .update() == 1;
    }

    /** The current secret becomes the previous one until {@code previousExpiresAt}; null drops it at once. */
    void rotate(WebhookEndpointId id, String newSecret, Instant previousExpiresAt, Instant now) {
        forgetRecipients();
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
