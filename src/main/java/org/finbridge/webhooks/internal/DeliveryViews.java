package org.finbridge.webhooks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.webhooks.AttemptOutcome;
import org.finbridge.webhooks.DeliveryAttempt;
import org.finbridge.webhooks.DeliveryStatus;
import org.finbridge.webhooks.WebhookDelivery;
import org.finbridge.webhooks.WebhookDeliveryId;
import org.finbridge.webhooks.WebhookEndpointId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deliveries as an endpoint's owner sees them, each with its attempts. */
@Repository
class DeliveryViews {

    private static final String SELECT = """
            select d.id, d.endpoint_id, v.event_id, v.event_type, d.status, d.attempts, d.created_at, d.next_attempt_at,
                   d.give_up_at, d.last_attempt_at, d.last_status_code, d.last_error, d.delivered_at
            from webhook_deliveries d join webhook_events v on v.id = d.event_ref
            """;

    private final JdbcClient jdbc;

    DeliveryViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; {@code status} and {@code before} narrow the page when not null. */
    List<WebhookDelivery> ofEndpoint(WebhookEndpointId endpoint, DeliveryStatus status, WebhookDeliveryId before, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where d.endpoint_id = :endpoint");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("endpoint", endpoint.value());
        if (status != null) {
            sql.append(" and d.status = :status");
            params.put("status", status.name());
        }
        if (before != null) {
            sql.append(" and d.id < :before");
            params.put("before", before.value());
        }
        sql.append(" order by d.id desc limit :limit");
        params.put("limit", limit);
        return withHistory(jdbc.sql(sql.toString()).params(params).query(Row::read).list());
    }

    /** Every endpoint's deliveries in a status, newest first: the operators' queue of failed deliveries. */
    List<WebhookDelivery> inStatus(DeliveryStatus status, int limit) {
        return withHistory(jdbc.sql(SELECT + " where d.status = :status order by d.id desc limit :limit")
                .param("status", status.name()).param("limit", limit).query(Row::read).list());
    }

    private static final Map<String, String> SORTS = Map.of("id", "d.id", "lastAttempt", "d.last_attempt_at",
            "event", "v.event_type", "attempts", "d.attempts");

    org.finbridge.platform.QueuePage<WebhookDelivery> inStatus(DeliveryStatus status, org.finbridge.platform.QueuePage.Request page) {
        long total = jdbc.sql("select count(*) from webhook_deliveries where status = :status").param("status", status.name())
                .query(Long.class).single();
        List<WebhookDelivery> items = withHistory(jdbc.sql(SELECT + " where d.status = :status"
                        + page.orderBy(SORTS, "d.id desc", "d.id") + " limit :limit offset :offset")
                .param("status", status.name()).param("limit", page.size()).param("offset", page.offset())
                .query(Row::read).list());
        return new org.finbridge.platform.QueuePage<>(items, total, page);
    }

    Optional<WebhookDelivery> find(WebhookEndpointId endpoint, WebhookDeliveryId id) {
        return withHistory(jdbc.sql(SELECT + " where d.id = :id and d.endpoint_id = :endpoint")
                .param("id", id.value()).param("endpoint", endpoint.value()).query(Row::read).list())
                .stream().findFirst();
    }

    private List<WebhookDelivery> withHistory(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<DeliveryAttempt>> history = new LinkedHashMap<>();
        rows.forEach(r -> history.put(r.id(), new ArrayList<>()));
        jdbc.sql("""
                select delivery_id, attempt, attempted_at, outcome, status_code, error, duration_millis
                from webhook_delivery_attempts where delivery_id in (:ids) order by delivery_id, attempt""")
                .param("ids", List.copyOf(history.keySet()))
                .query((rs, n) -> {
                    history.get(rs.getObject("delivery_id", UUID.class)).add(new DeliveryAttempt(rs.getInt("attempt"),
                            Rows.instant(rs, "attempted_at"), AttemptOutcome.valueOf(rs.getString("outcome")),
                            Rows.integer(rs, "status_code"), rs.getString("error"), rs.getLong("duration_millis")));
                    return null;
                }).list();
        return rows.stream().map(r -> r.view(history.get(r.id()))).toList();
    }

    private record Row(UUID id, UUID endpointId, String eventId, String eventType, DeliveryStatus status, int attempts,
                       Instant createdAt, Instant nextAttemptAt, Instant giveUpAt,
                       Instant lastAttemptAt, Integer lastStatusCode, String lastError,
                       Instant deliveredAt) {

        static Row read(ResultSet rs, int n) throws SQLException {
            return new Row(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
                    rs.getString("event_id"), rs.getString("event_type"), DeliveryStatus.valueOf(rs.getString("status")),
                    rs.getInt("attempts"), Rows.instant(rs, "created_at"), Rows.instant(rs, "next_attempt_at"),
                    Rows.instant(rs, "give_up_at"), Rows.instant(rs, "last_attempt_at"), Rows.integer(rs, "last_status_code"),
                    rs.getString("last_error"), Rows.instant(rs, "delivered_at"));
        }

        WebhookDelivery view(List<DeliveryAttempt> history) {
            return new WebhookDelivery(new WebhookDeliveryId(id), new WebhookEndpointId(endpointId), eventId, eventType,
                    status, attempts, createdAt, nextAttemptAt, giveUpAt, lastAttemptAt, lastStatusCode, lastError,
                    deliveredAt, history);
        }
    }
}
