package org.finbridge.trade.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.PartyId;
import org.finbridge.trade.ImportId;
import org.finbridge.trade.ImportJob;
import org.finbridge.trade.ImportReport;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.TradeImports;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background imports' progress and outcome ({@code trade_import_jobs}). Every write here runs in a short
 * transaction of its own, beside the import's open one: the progress must be readable (by any node, so a
 * console behind a load balancer polls wherever it lands) long before the import commits. It is bookkeeping of
 * the upload, never money or trade data, and the import's own rollback guarantee is untouched by it.
 */
@Repository
class ImportJobStore {

    private static final String COLUMNS = """
            id, submitted_by, kind, file_format, file_name, state, lines_total, lines_read, record_count, rejected, accepted,
            failure, rejections_truncated, started_at, updated_at, finished_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate ownTransaction;

    ImportJobStore(JdbcClient jdbc, JdbcTemplate batches, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void insert(ImportId id, PartyId submitter, ImportRequest request, String fileName, long linesTotal, Instant now) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("insert into trade_import_jobs (" + COLUMNS + """
                ) values (:id, :by, :kind, :format, :file, 'RUNNING', :total, 0, 0, 0, 0, null, false, :now, :now, null)""")
                .param("id", id.value()).param("by", submitter.value()).param("kind", request.kind().name())
                .param("format", request.format().name()).param("file", fileName).param("total", linesTotal)
                .param("now", Rows.ts(now)).update());
    }

    void progress(ImportId id, long linesRead, long records, long rejected, Instant now) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                update trade_import_jobs set lines_read = :lines, record_count = :records, rejected = :rejected, updated_at = :now
                where id = :id and state = 'RUNNING'""")
                .param("lines", linesRead).param("records", records).param("rejected", rejected).param("now", Rows.ts(now))
                .param("id", id.value()).update());
    }

    /**
     * Imports that told no progress since {@code before}: their node stopped (a crash, a shutdown) while the
     * import's transaction was open, so nothing of them was committed. Marked FAILED, to be sent again; an
     * import that was only slow overwrites this with its real outcome when it finishes.
     */
    int abandonStale(Instant before, Instant now) {
        return ownTransaction.execute(s -> jdbc.sql("""
                update trade_import_jobs set state = 'FAILED', updated_at = :now, finished_at = :now,
                       failure = 'the import stopped with its node (a crash or a shutdown) before it finished: nothing of it was committed; send the file again'
                where state = 'RUNNING' and updated_at < :before""")
                .param("now", Rows.ts(now)).param("before", Rows.ts(before)).update());
    }

    /** Records the outcome, with the first {@link TradeImports#JOB_REJECTIONS_KEPT} rejections. */
    void finish(ImportReport report, long linesRead, Instant now) {
        List<ImportReport.Rejection> kept = report.rejections().stream().limit(TradeImports.JOB_REJECTIONS_KEPT).toList();
        boolean truncated = report.rejectionsTruncated() || kept.size() < report.rejections().size();
        String failure = report.failure() == null ? null
                : report.failure().length() > 2000 ? report.failure().substring(0, 2000) : report.failure();
        ownTransaction.executeWithoutResult(s -> {
            jdbc.sql("""
                    update trade_import_jobs set state = :state, lines_read = :lines, record_count = :records, rejected = :rejected,
                           accepted = :accepted, failure = :failure, rejections_truncated = :truncated, updated_at = :now,
                           finished_at = :now
                    where id = :id""")
                    .param("state", ImportJob.stateOf(report.outcome()).name())
                    .param("lines", linesRead)
                    .param("records", report.records()).param("rejected", report.rejected()).param("accepted", report.accepted())
                    .param("failure", failure).param("truncated", truncated).param("now", Rows.ts(now))
                    .param("id", report.id().value()).update();
            UUID job = report.id().value();
            int[] position = {0};
            Rows.batch(batches, "insert into trade_import_job_rejections (job_id, position, line, reasons) values (?, ?, ?, ?)",
                    kept, (ps, r) -> {
                        ps.setObject(1, job);
                        ps.setInt(2, position[0]++);
                        ps.setLong(3, r.line());
                        String reasons = String.join("\n", r.reasons());
                        ps.setString(4, reasons.length() > 4000 ? reasons.substring(0, 4000) : reasons);
                    });
        });
    }

    Optional<ImportJob> find(ImportId id, PartyId submitter) {
        return jdbc.sql("select " + COLUMNS + " from trade_import_jobs where id = :id and submitted_by = :by")
                .param("id", id.value()).param("by", submitter.value()).query(ImportJobStore::read).optional();
    }

    List<ImportJob> bySubmitter(PartyId submitter, int limit) {
        return jdbc.sql("select " + COLUMNS + " from trade_import_jobs where submitted_by = :by order by started_at desc, id desc limit :limit")
                .param("by", submitter.value()).param("limit", limit).query(ImportJobStore::read).list();
    }

    List<ImportReport.Rejection> rejections(ImportId id, PartyId submitter, int limit) {
        return jdbc.sql("""
                select r.line, r.reasons from trade_import_job_rejections r join trade_import_jobs j on j.id = r.job_id
                where r.job_id = :id and j.submitted_by = :by order by r.line, r.position limit :limit""")
                .param("id", id.value()).param("by", submitter.value()).param("limit", limit)
                .query((rs, n) -> new ImportReport.Rejection(rs.getLong(1), Arrays.asList(rs.getString(2).split("\n")))).list();
    }

    private static ImportJob read(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ImportJob(new ImportId(Rows.uuid(rs, "id")), new PartyId(Rows.uuid(rs, "submitted_by")),
                ImportRequest.Kind.valueOf(rs.getString("kind")), ImportRequest.Format.valueOf(rs.getString("file_format")),
                rs.getString("file_name"), ImportJob.State.valueOf(rs.getString("state")), rs.getLong("lines_total"),
                rs.getLong("lines_read"), rs.getLong("record_count"), rs.getLong("rejected"), rs.getLong("accepted"),
                rs.getString("failure"), rs.getBoolean("rejections_truncated"), Rows.instant(rs, "started_at"),
                Rows.instant(rs, "updated_at"), Rows.instant(rs, "finished_at"));
    }
}
