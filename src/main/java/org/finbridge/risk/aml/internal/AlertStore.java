package org.finbridge.risk.aml.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.risk.aml.Alert;
import org.finbridge.risk.aml.AlertId;
import org.finbridge.risk.aml.AlertStatus;
import org.finbridge.risk.aml.CaseId;
import org.finbridge.risk.aml.ReportId;
import org.finbridge.risk.aml.ReportType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts, one per rule, customer and window (the dedupe key): a finding raised again refreshes the alert
 * in place while it is not reported yet.
 */
@Component
class AlertStore {

    private static final String SELECT = """
            select id, rule_name, category, feature_code, party_id, window_key, summary, amount_cny_minor,
                   transaction_refs, status, case_id, report_id, raised_at, updated_at from aml_alerts""";
    private static final int MAX_REFS = 7_900;

    private final JdbcClient jdbc;
    private final TransactionTemplate nested;
    private final Clock clock;

    AlertStore(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    record Raised(Alert alert, boolean isNew) {
    }

    Raised raise(Finding f) {
        String key = Journal.clip(f.dedupeKey(), 400);
        Instant now = clock.instant();
        String refs = refs(f.transactionRefs());
        Optional<Alert> existing = byKey(key);
        if (existing.isPresent()) {
            return new Raised(refresh(existing.get(), f, refs, now), false);
        }
        try {
            nested.executeWithoutResult(s -> jdbc.sql("""
                    insert into aml_alerts (id, dedupe_key, rule_name, category, feature_code, party_id, window_key, summary,
                        amount_cny_minor, transaction_refs, status, raised_at, updated_at)
                    values (:id, :key, :rule, :cat, :code, :party, :window, :summary, :amount, :refs, 'OPEN', :now, :now)""")
                    .param("id", TimeOrderedIds.next(clock)).param("key", key).param("rule", f.ruleName())
                    .param("cat", f.category().name()).param("code", f.featureCode()).param("party", f.party().value())
                    .param("window", Journal.clip(f.windowKey(), 100)).param("summary", Journal.clip(f.summary(), 2000))
                    .param("amount", f.amountCnyMinor()).param("refs", refs).param("now", Journal.ts(now)).update());
            return new Raised(byKey(key).orElseThrow(), true);
        } catch (DuplicateKeyException raisedConcurrently) {
            return new Raised(refresh(byKey(key).orElseThrow(), f, refs, now), false);
        }
    }

    private Alert refresh(Alert alert, Finding f, String refs, Instant now) {
        boolean changed = !alert.summary().equals(Journal.clip(f.summary(), 2000)) || !refs.equals(refs(alert.transactionRefs()));
        if (alert.status() == AlertStatus.REPORTED || !changed) {
            return alert;
        }
        jdbc.sql("update aml_alerts set summary = :summary, amount_cny_minor = :amount, transaction_refs = :refs,"
                        + " updated_at = :now where id = :id")
                .param("summary", Journal.clip(f.summary(), 2000)).param("amount", f.amountCnyMinor()).param("refs", refs)
                .param("now", Journal.ts(now)).param("id", alert.id().value()).update();
        return find(alert.id()).orElseThrow();
    }

    private static String refs(List<String> refs) {
        String joined = String.join(" ", refs);
        return joined.length() <= MAX_REFS ? joined : joined.substring(0, joined.lastIndexOf(' ', MAX_REFS));
    }

    Optional<Alert> byKey(String key) {
        return jdbc.sql(SELECT + " where dedupe_key = :k").param("k", key).query(AlertStore::read).optional();
    }

    /** The alert, its row locked until the transaction ends: whoever files its report does so once. */
    Optional<Alert> lock(AlertId id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id.value()).query(AlertStore::read).optional();
    }

    Optional<Alert> find(AlertId id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(AlertStore::read).optional();
    }

    List<Alert> list(AlertStatus status, int limit) {
        return jdbc.sql(SELECT + (status == null ? "" : " where status = :s") + " order by raised_at desc, id desc limit :limit")
                .param("s", status == null ? "" : status.name()).param("limit", limit).query(AlertStore::read).list();
    }

    List<Alert> ofCase(CaseId id) {
        return jdbc.sql(SELECT + " where case_id = :c order by raised_at, id").param("c", id.value()).query(AlertStore::read).list();
    }

    /** Large-value alerts not filed yet, oldest first (the caller files those whose day is over). */
    List<Alert> openLargeValueAlerts() {
        return jdbc.sql(SELECT + " where category = 'LTR' and status = 'OPEN' order by raised_at, id").query(AlertStore::read).list();
    }

    void attach(AlertId alert, CaseId caseId) {
        jdbc.sql("update aml_alerts set status = 'IN_CASE', case_id = :c, updated_at = :now where id = :id")
                .param("c", caseId.value()).param("now", Journal.ts(clock.instant())).param("id", alert.value()).update();
    }

    void markReported(List<AlertId> alerts, ReportId report) {
        for (AlertId a : alerts) {
            jdbc.sql("update aml_alerts set status = 'REPORTED', report_id = :r, updated_at = :now where id = :id")
                    .param("r", report.value()).param("now", Journal.ts(clock.instant())).param("id", a.value()).update();
        }
    }

    private static Alert read(ResultSet rs, int n) throws SQLException {
        String refs = rs.getString("transaction_refs");
        UUID caseId = rs.getObject("case_id", UUID.class);
        UUID reportId = rs.getObject("report_id", UUID.class);
        return new Alert(new AlertId(rs.getObject("id", UUID.class)), rs.getString("rule_name"),
                ReportType.valueOf(rs.getString("category")), rs.getString("feature_code"),
                new PartyId(rs.getObject("party_id", UUID.class)), rs.getString("window_key"), rs.getString("summary"),
                rs.getObject("amount_cny_minor", Long.class),
                refs == null || refs.isBlank() ? List.of() : Arrays.asList(refs.split(" ")),
                AlertStatus.valueOf(rs.getString("status")), caseId == null ? null : new CaseId(caseId),
                reportId == null ? null : new ReportId(reportId), rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
