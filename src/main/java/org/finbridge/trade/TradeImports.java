package org.finbridge.trade;

import java.io.InputStream;
import org.finbridge.party.Actor;

/**
 * Bulk imports of trade documents: a JSON-lines or CSV file of one kind of record, read as a stream and
 * validated row by row. Nothing is ever half-written: the valid rows are committed together in one
 * transaction at the end, or, if the import fails on the way (a broken upload, a database error, a
 * crash), nothing is. Whether a file with invalid rows commits its valid rows is the caller's choice
 * ({@link ImportRequest.InvalidRows}); by default it does, like Stripe's and Formance's imports, and the
 * report lists each rejected row.
 */
public interface TradeImports {

    ImportReport importFile(ImportRequest request, InputStream content, Actor actor);

    /** The party's committed imports, newest first (counts only: the rejected rows are in each upload's report). */
    java.util.List<ImportSummary> history(org.finbridge.party.PartyId submitter, int limit);

    /**
     * Starts an import in the background and answers at once with its job, RUNNING: the file is first copied
     * whole (and its lines counted, for the progress's total), then imported exactly as {@link #importFile}
     * does, while {@link #job} tells how far it is. The outcome and up to {@value #JOB_REJECTIONS_KEPT} rejected
     * records are kept with the job, for its report.
     */
    ImportJob start(ImportRequest request, String fileName, InputStream content, Actor actor);

    /** One of the submitter's import jobs; empty for another party's or an unknown id. */
    java.util.Optional<ImportJob> job(ImportId id, org.finbridge.party.PartyId submitter);

    /** The submitter's import jobs, newest first. */
    java.util.List<ImportJob> jobs(org.finbridge.party.PartyId submitter, int limit);

    /** A finished job's rejected records in file order, at most {@code limit}; empty for another party's job. */
    java.util.List<ImportReport.Rejection> rejections(ImportId id, org.finbridge.party.PartyId submitter, int limit);

    /** How many rejected records a job keeps for its report (the count is always complete). */
    int JOB_REJECTIONS_KEPT = 10_000;
}
