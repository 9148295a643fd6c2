package org.finbridge.webhooks.internal;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.webhooks.DeliveryStatus;
import org.finbridge.webhooks.WebhookDeliveryId;
import org.finbridge.webhooks.WebhookEndpointId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dispatcher's side of {@code webhook_deliveries}: due deliveries, claims and results.
 *
 * <p>A claim is a conditional update (status PENDING, due, and not claimed by a live lease): on
 * PostgreSQL and H2 alike, of two nodes updating the same row the second waits for the first and then
 * finds the condition false, so exactly one node sends each attempt. A lease rather than a lock held
 * across the HTTP call keeps no transaction open while a receiver is slow, and a node that dies
 * leaves claims that lapse on their own.
 */
@Repository
class DeliveryRows {

    private static final String ENDPOINT_ENABLED =
            "exists (select 1 from webhook_endpoints e where e.id = d.endpoint_id and e.status = 'ENABLED')";

    private final JdbcClient jdbc;

    DeliveryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WebhookDeliveryId id, UUID eventRef, WebhookEndpointId endpoint, Instant now, Instant giveUpAt) {
        jdbc.sql("""
                insert into webhook_deliveries (id, event_ref, endpoint_id, status, attempts, next_attempt_at, give_up_at, created_at)
                values (:id, :event, :endpoint, 'PENDING', 0, :now, :giveUp, :now)""")
                .param("id", id.value()).param("event", eventRef).param("endpoint", endpoint.value())
                .param("now", Rows.at(now)).param("giveUp", Rows.at(giveUpAt)).update();
    }

    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                select d.id from webhook_deliveries d
                where d.status = 'PENDING' and d.next_attempt_at <= :now
                  and (d.claimed_until is null or d.claimed_until <= :now) and %s
                order by d.next_attempt_at
                limit :limit""".formatted(ENDPOINT_ENABLED))
                .param("now", Rows.at(now)).param("limit", limit).query(UUID.class).list();
    }

    /** Claims one due delivery for one attempt, or answers empty when another node has it. */
    Optional<Claim> claim(UUID id, UUID token, Instant now, Instant leaseUntil) {
        int claimed = jdbc.sql("""
                update webhook_deliveries d set claim_token = :token, claimed_until = :until, attempts = attempts + 1
                where d.id = :id and d.status = 'PENDING' and d.next_attempt_at <= :now
                  and (d.claimed_until is null or d.claimed_until <= :now) and %s""".formatted(ENDPOINT_ENABLED))
                .param("token", token).param("until", Rows.at(leaseUntil)).param("id", id)
                .param("now", Rows.at(now)).update();
        if (claimed != 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select d.id, d.claim_token, d.attempts, d.give_up_at, e.id as endpoint_id, e.url, e.secret,
                       e.previous_secret, e.previous_secret_expires_at, v.event_id, v.event_type, v.body
                from webhook_deliveries d
                join webhook_endpoints e on e.id = d.endpoint_id
                join webhook_events v on v.id = d.event_ref
                where d.id = :id and d.claim_token = :token""")
                .param("id", id).param("token", token)
                .query((rs, n) -> readClaim(rs, now)).optional();
    }

    void recordAttempt(UUID deliveryId, int attempt, Instant at, AttemptResult result) {
        jdbc.sql("""
                insert into webhook_delivery_attempts (delivery_id, attempt, attempted_at, outcome, status_code, error, duration_millis)
                values (:id, :attempt, :at, :outcome, :status, :error, :duration)""")
                .param("id", deliveryId).param("attempt", attempt).param("at", Rows.at(at))
                .param("outcome", result.outcome().name()).param("status", result.statusCode())
                .param("error", result.error()).param("duration", result.durationMillis()).update();
    }

    /**
     * Ends a claim with the delivery's new status; {@code nextAttemptAt} only for PENDING. Answers false
     * when the claim was lost (its lease ran out and another node took over) or the delivery was
     * cancelled meanwhile: then the other party's state stands.
     */
    boolean finish(Claim claim, DeliveryStatus status, Instant nextAttemptAt, Instant at, AttemptResult result) {
        return jdbc.sql("""
                update webhook_deliveries set status = :status, next_attempt_at = :next, claim_token = null,
                       claimed_until = null, last_attempt_at = :at, last_status_code = :code, last_error = :error,
                       delivered_at = case when :delivered then :at else delivered_at end
                where id = :id and claim_token = :token and status = 'PENDING'""")
                .param("status", status.name()).param("next", Rows.at(nextAttemptAt)).param("at", Rows.at(at))
                .param("code", result.statusCode()).param("error", result.error())
                .param("delivered", status == DeliveryStatus.DELIVERED)
                .param("id", claim.deliveryId()).param("token", claim.token()).update() == 1;
    }

    /** Cancels the endpoint's pending deliveries (it was disabled); answers how many. */
    int cancelPending(WebhookEndpointId endpoint, String reason) {
        return jdbc.sql("""
                update webhook_deliveries set status = 'CANCELLED', next_attempt_at = null, last_error = :reason
                where endpoint_id = :endpoint and status = 'PENDING'""")
                .param("reason", reason).param("endpoint", endpoint.value()).update();
    }

    /**
     * Makes a delivery due now unless an attempt is under way. A pending delivery keeps its retry
     * window; any other gets one attempt (its window ends now). Answers whether it was rescheduled.
     */
    boolean redeliver(WebhookDeliveryId id, Instant now) {
        return jdbc.sql("""
                update webhook_deliveries set next_attempt_at = :now,
                       give_up_at = case when status = 'PENDING' then give_up_at else :now end,
                       status = 'PENDING'
                where id = :id and (claimed_until is null or claimed_until <= :now)""")
                .param("now", Rows.at(now)).param("id", id.value()).update() == 1;
    }

    private static Claim readClaim(ResultSet rs, Instant now) throws SQLException {
        List<String> secrets = SigningSecrets.signingAt(now, rs.getString("secret"), rs.getString("previous_secret"),
                Rows.instant(rs, "previous_secret_expires_at"));
        return new Claim(rs.getObject("id", UUID.class), rs.getObject("claim_token", UUID.class), rs.getInt("attempts"),
                new WebhookEndpointId(rs.getObject("endpoint_id", UUID.class)), URI.create(rs.getString("url")), secrets,
                rs.getString("event_id"), rs.getString("event_type"), rs.getString("body"), Rows.instant(rs, "give_up_at"));
    }
}
