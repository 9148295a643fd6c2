package org.finbridge.audit;

import java.time.Instant;

/** The outcome of {@link AuditVerifier#verify()}. */
public sealed interface Verification {

    /** Records staged but not chained yet, found alongside the chain. */
    Backlog backlog();

    /** The whole chain checks out. {@code lastHash} is worth keeping outside the database. */
    record Intact(long records, String lastHash, Backlog backlog) implements Verification {

        public Intact(long records, String lastHash) {
            this(records, lastHash, Backlog.NONE);
        }
    }

    /**
     * The chain breaks at {@code firstBadSequence}: the first record (or the first missing sequence)
     * that does not fit; everything before it checks out.
     */
    record Broken(long firstBadSequence, String reason, Backlog backlog) implements Verification {

        public Broken(long firstBadSequence, String reason) {
            this(firstBadSequence, reason, Backlog.NONE);
        }
    }

    /**
     * The staging table at the time of the walk. A staged record is outside the chain, so altering or
     * deleting one cannot break the chain; an altered one is counted here and never chained.
     *
     * @param records staged records waiting for the sequencer
     * @param oldestRecordedAt when the oldest of them was recorded, or null when there are none
     * @param altered how many of them no longer match their entry hash
     * @param firstAlteredId the staging id of the first altered one, or null
     */
    record Backlog(long records, Instant oldestRecordedAt, long altered, Long firstAlteredId) {

        public static final Backlog NONE = new Backlog(0, null, 0, null);
    }
}
