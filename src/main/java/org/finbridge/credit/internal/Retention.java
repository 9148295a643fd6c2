package org.finbridge.credit.internal;

import org.finbridge.audit.AuditLog;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of negative information: deleted 5 years after the negative event ended (Credit Reporting
 * Industry Regulation art. 16; keeping it longer is fined under art. 38). The record, its notice, its
 * statements and objections are deleted for good; the audit log keeps that a record was deleted and why,
 * not what it said.
 */
@Component
class Retention {

    static final int YEARS = 5;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Retention(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Deletes what is due; answers how many records. */
    @Transactional
    public int run() {
        OffsetDateTime cutoff = clock.instant().atOffset(ZoneOffset.UTC).minusYears(YEARS);
        List<UUID> due = jdbc.sql("select id from credit_contributions where negative and event_ends_at is not null"
                        + " and event_ends_at <= :cutoff order by id")
                .param("cutoff", cutoff).query(UUID.class).list();
        for (UUID id : due) {
            jdbc.sql("delete from credit_objection_notices where objection_id in"
                    + " (select id from credit_objections where contribution_id = :id)").param("id", id).update();
            for (String table : RELATED) {
                jdbc.sql("delete from " + table + " where contribution_id = :id").param("id", id).update();
            }
            jdbc.sql("delete from credit_contributions where id = :id").param("id", id).update();
            audit.record("system", "credit.contribution.delete", "credit_contribution",
                    TimeOrderedIds.format(ContributionService.PREFIX, id), "negative information",
                    "deleted " + YEARS + " years after the negative event ended (art. 16)");
        }
        return due.size();
    }

    /** Tables holding rows about a contribution, deleted with it. */
    static final List<String> RELATED = List.of("credit_notices", "credit_statements", "credit_objections");
}
