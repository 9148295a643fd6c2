package org.finbridge.trade.internal;

import java.time.Instant;
import java.util.List;
import org.finbridge.party.PartyId;
import org.finbridge.trade.ImportId;
import org.finbridge.trade.ImportReport;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.ImportSummary;
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

    List<ImportSummary> bySubmitter(PartyId submitter, int limit) {
        return jdbc.sql("""
                select id, kind, file_format, sha256, record_count, accepted, rejected, recorded_at from trade_imports
                where submitted_by = :by order by recorded_at desc, id desc limit :limit""")
                .param("by", submitter.value()).param("limit", limit)
                .query((rs, n) -> new ImportSummary(new ImportId(rs.getObject("id", java.util.UUID.class)),
                        ImportRequest.Kind.valueOf(rs.getString("kind")), ImportRequest.Format.valueOf(rs.getString("file_format")),
                        rs.getString("sha256"), rs.getLong("record_count"), rs.getLong("accepted"), rs.getLong("rejected"),
                        Rows.instant(rs, "recorded_at"))).list();
    }
}
