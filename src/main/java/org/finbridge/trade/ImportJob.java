package org.finbridge.trade;

import java.time.Instant;
import org.finbridge.party.PartyId;

/**
 * A bulk import started in the background ({@link TradeImports#start}) as its submitter follows it: how many of the
 * file's lines are read, how many records and rejected records so far, and, once it is over, its outcome. The
 * counts move every {@value #PROGRESS_EVERY_RECORDS} records; the job's id is the import's.
 *
 * @param linesTotal the file's lines, counted when it was received (header included)
 * @param accepted the records committed (0 unless the state is COMMITTED)
 * @param rejectionsTruncated the listed rejections stop short of {@code rejected}
 */
public record ImportJob(ImportId id, PartyId submitter, ImportRequest.Kind kind, ImportRequest.Format format, String fileName,
                        State state, long linesTotal, long linesRead, long records, long rejected, long accepted,
                        String failure, boolean rejectionsTruncated, Instant startedAt, Instant updatedAt,
                        Instant finishedAt) {

    /** How often a running import tells its progress. */
    public static final int PROGRESS_EVERY_RECORDS = 1_000;

    public enum State {
        /** Being read and written; nothing of it is committed yet. */
        RUNNING,
        /** Over: the valid records are committed. */
        COMMITTED,
        /** Over, nothing committed: the file is unreadable, or has invalid rows and REFUSE_FILE was asked. */
        REFUSED,
        /** Over, nothing committed: the import broke off. */
        FAILED;

        public boolean finished() {
            return this != RUNNING;
        }

        static State of(ImportReport.Outcome outcome) {
            return switch (outcome) {
                case COMMITTED -> COMMITTED;
                case REFUSED -> REFUSED;
                case FAILED -> FAILED;
            };
        }
    }

    /** Whole per cent of the file's lines read (100 once finished). */
    public int percent() {
        if (state.finished()) {
            return 100;
        }
        return linesTotal <= 0 ? 0 : (int) Math.min(99, linesRead * 100 / linesTotal);
    }

    /** The state an import's outcome leaves its job in. */
    public static State stateOf(ImportReport.Outcome outcome) {
        return State.of(outcome);
    }
}
