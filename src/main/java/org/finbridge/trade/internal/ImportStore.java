package org.finbridge.trade.internal;

import java.time.Instant;
import org.finbridge.party.PartyId;
import org.finbridge.trade.ImportReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Committed bulk imports ({@code trade_imports}); the rows they brought carry the import's id. */
@Repository
class ImportStore {

    private final JdbcClient jdbc;

    ImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ImportReport report, PartyId submittedBy, Instant now) {
        jdbc.sql("""
                insert into trade_imports (id, submitted_by, kind, file_format, sha256, record_count, accepted, rejected, recorded_at)
                values (:id, :by, :kind, :format, :sha, :records, :accepted, :rejected, :now)""")
                .param("id", report.id().value()).param("by", submittedBy.value()).param("kind", report.kind().name())
                .param("format", report.format().name()).param("sha", report.sha256()).param("records", report.records())
                .param("accepted", report.accepted()).param("rejected", report.rejected()).param("now", Rows.ts(now))
                .update();
    }
}
