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
}
