package org.finbridge.payments.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.connector.ConnectorOutcome;
import org.finbridge.payments.connector.ConnectorRouting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every routing decision with its reasons and every connector asked, with its answer: what a merchant
 * or an operator needs to see why a payment went where it went (and why it failed over).
 */
@Component
public class RoutingJournal {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A decision and the attempts that followed it, for one authorization step of a payment. */
    public record Decision(int seq, String rule, List<Candidate> candidates, Instant decidedAt, List<Attempt> attempts) {
    }

    public record Candidate(int rank, String connector, String reason) {
    }

    /** @param failedOver the next candidate was tried after this answer */
    public record Attempt(int attempt, String connector, String outcome, String declineCode, String detail, long elapsedMs,
                          boolean failedOver, Instant attemptedAt) {
    }

    private final JdbcClient jdbc;

    RoutingJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordDecision(PaymentId payment, int seq, ConnectorRouting.Decision decision, Instant at) {
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (int i = 0; i < decision.choices().size(); i++) {
            var c = decision.choices().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", i + 1);
            m.put("connector", c.connector().name());
            m.put("reason", c.reason());
            reasons.add(m);
        }
        jdbc.sql("""
                insert into payment_routing_decisions (payment_id, seq, rule_name, candidates, reasons, decided_at)
                values (:p, :seq, :rule, :candidates, :reasons, :at)""")
                .param("p", payment.value()).param("seq", seq).param("rule", decision.rule())
                .param("candidates", String.join(",", decision.connectors().stream().map(c -> c.name()).toList()))
                .param("reasons", JSON.writeValueAsString(reasons)).param("at", PaymentStore.at(at)).update();
    }

    /** The connectors chosen for a step, in order; empty for steps routed before decisions were recorded. */
    Optional<List<String>> candidates(PaymentId payment, int seq) {
        return jdbc.sql("select candidates from payment_routing_decisions where payment_id = :p and seq = :seq")
                .param("p", payment.value()).param("seq", seq).query(String.class).optional()
                .map(s -> s.isEmpty() ? List.<String>of() : Arrays.asList(s.split(",")));
    }

    /**
     * How a step's attempts are numbered: counted here for a step this request began (none were recorded
     * before it), or after the highest recorded for a step recovered from the database.
     */
    static final class Attempts {

        private int next;

        private Attempts(int next) {
            this.next = next;
        }

        static Attempts first() {
            return new Attempts(1);
        }

        static Attempts recorded() {
            return new Attempts(0);
        }
    }

    void recordAttempt(PaymentId payment, int seq, Attempts attempts, String connector, ConnectorOutcome outcome, long elapsedMs,
                       boolean failedOver, Instant at) {
        String kind = switch (outcome) {
            case ConnectorOutcome.Approved a -> "APPROVED";
            case ConnectorOutcome.ActionRequired a -> "ACTION_REQUIRED";
            case ConnectorOutcome.Declined d -> "DECLINED";
            case ConnectorOutcome.TimedOut t -> "TIMED_OUT";
            case ConnectorOutcome.Unavailable u -> "UNAVAILABLE";
        };
        String code = outcome instanceof ConnectorOutcome.Declined d ? d.code().name() : null;
        String detail = switch (outcome) {
            case ConnectorOutcome.Declined d -> (d.isSoft() ? "soft decline: " : "hard decline: ") + d.message();
            case ConnectorOutcome.TimedOut t -> t.detail();
            case ConnectorOutcome.Unavailable u -> u.detail();
            default -> null;
        };
        insertAttempt(payment, seq, attempts, connector, kind, code, detail, elapsedMs, failedOver, at);
    }

    private void insertAttempt(PaymentId payment, int seq, Attempts attempts, String connector, String kind, String code,
                               String detail, long elapsedMs, boolean failedOver, Instant at) {
        int attempt = attempts.next > 0 ? attempts.next : jdbc.sql(
                        "select coalesce(max(attempt), 0) + 1 from payment_routing_attempts where payment_id = :p and seq = :seq")
                .param("p", payment.value()).param("seq", seq).query(Integer.class).single();
        attempts.next = attempt + 1;
        jdbc.sql("""
                insert into payment_routing_attempts (payment_id, seq, attempt, connector, outcome, decline_code, detail,
                    elapsed_ms, failed_over, attempted_at)
                values (:p, :seq, :attempt, :connector, :outcome, :code, :detail, :elapsed, :failedOver, :at)""")
                .param("p", payment.value()).param("seq", seq).param("attempt", attempt).param("connector", connector)
                .param("outcome", kind).param("code", code)
                .param("detail", detail == null ? null : detail.substring(0, Math.min(500, detail.length())))
                .param("elapsed", elapsedMs).param("failedOver", failedOver).param("at", PaymentStore.at(at)).update();
    }

    /** Records a reversal sent after a timeout: REVERSED when the connector confirmed it, else what it answered. */
    void recordReversal(PaymentId payment, int seq, Attempts attempts, String connector, ConnectorOutcome outcome, long elapsedMs,
                        Instant at) {
        String kind = outcome instanceof ConnectorOutcome.Approved ? "REVERSED" : outcome instanceof ConnectorOutcome.TimedOut
                ? "TIMED_OUT" : "UNAVAILABLE";
        String detail = switch (outcome) {
            case ConnectorOutcome.Approved a -> "reversal of the unanswered authorization confirmed"
                    + (a.reference() == null ? " (nothing had been authorized)" : " (" + a.reference() + ")");
            case ConnectorOutcome.TimedOut t -> "reversal unanswered: " + t.detail();
            case ConnectorOutcome.Unavailable u -> "reversal not taken: " + u.detail();
            default -> "reversal refused: " + outcome;
        };
        insertAttempt(payment, seq, attempts, connector, kind, null, detail, elapsedMs, false, at);
    }

    /** Connectors whose unanswered authorization in this step was reversed. */
    Set<String> reversed(PaymentId payment, int seq) {
        return Set.copyOf(jdbc.sql("""
                select connector from payment_routing_attempts where payment_id = :p and seq = :seq and outcome = 'REVERSED'""")
                .param("p", payment.value()).param("seq", seq).query(String.class).list());
    }

    /** A payment's routing decisions, oldest first, each with its attempts. */
    public List<Decision> history(PaymentId payment) {
        Map<Integer, List<Attempt>> attempts = new LinkedHashMap<>();
        jdbc.sql("""
                select seq, attempt, connector, outcome, decline_code, detail, elapsed_ms, failed_over, attempted_at
                from payment_routing_attempts where payment_id = :p order by seq, attempt""")
                .param("p", payment.value()).query((rs, n) -> {
                    attempts.computeIfAbsent(rs.getInt("seq"), k -> new ArrayList<>()).add(new Attempt(rs.getInt("attempt"),
                            rs.getString("connector"), rs.getString("outcome"), rs.getString("decline_code"),
                            rs.getString("detail"), rs.getLong("elapsed_ms"), rs.getBoolean("failed_over"),
                            rs.getObject("attempted_at", OffsetDateTime.class).toInstant()));
                    return null;
                }).list();
        return jdbc.sql("""
                select seq, rule_name, reasons, decided_at from payment_routing_decisions where payment_id = :p order by seq""")
                .param("p", payment.value())
                .query((rs, n) -> new Decision(rs.getInt("seq"), rs.getString("rule_name"), candidates(rs.getString("reasons")),
                        rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                        attempts.getOrDefault(rs.getInt("seq"), List.of())))
                .list();
    }

    private static List<Candidate> candidates(String json) {
        List<Map<String, Object>> list = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        return list.stream().map(m -> new Candidate(((Number) m.get("rank")).intValue(), (String) m.get("connector"),
                (String) m.get("reason"))).toList();
    }
}
