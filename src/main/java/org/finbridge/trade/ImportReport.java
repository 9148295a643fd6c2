package org.finbridge.trade;

import java.util.List;

/**
 * The answer to a bulk import.
 *
 * @param sha256 of the file as received, also in the import's audit record
 * @param records how many records the file held (an order over several CSV rows is one record)
 * @param accepted how many were committed (0 unless the outcome is COMMITTED)
 * @param rejected how many were invalid
 * @param rejections each invalid record's first line and reasons, in file order (at most
 *                   {@link #MAX_LISTED}; {@code rejectionsTruncated} says when more were cut)
 * @param failure why a FAILED or REFUSED import committed nothing, or null
 */
public record ImportReport(ImportId id, ImportRequest.Kind kind, ImportRequest.Format format, String sha256,
                           long records, long accepted, long rejected, Outcome outcome, List<Rejection> rejections,
                           boolean rejectionsTruncated, String failure) {

    public static final int MAX_LISTED = 100_000;

    public enum Outcome {
        /** The valid records are committed. */
        COMMITTED,
        /** Nothing is committed: the file is unreadable as a whole, or has invalid rows and REFUSE_FILE was asked. */
        REFUSED,
        /** Nothing is committed: the import broke off (upload cut, database error). Send the file again. */
        FAILED
    }

    /** One invalid record: the line it starts on (1 = the file's first line) and every reason found. */
    public record Rejection(long line, List<String> reasons) {
        public Rejection {
            reasons = List.copyOf(reasons);
        }
    }

    public ImportReport {
        rejections = List.copyOf(rejections);
    }
}
