package org.finbridge.audit;

/**
 * Moves committed records from the staging table into the hash chain: it numbers them without gaps in
 * the order they were staged, computes each hash from its predecessor's, moves the chain head and
 * removes the staged rows, all in one transaction, so a record is chained exactly once or stays staged.
 *
 * <p>Only one sequencer works on a database at a time, whichever node it runs on: it holds the chain
 * head's row lock for the length of its transaction. The application runs one in the background,
 * woken when an audited transaction commits; {@link #flush()} lets a caller (a test, a shutdown, an
 * operator) wait until everything committed so far is chained.
 */
public interface AuditSequencer {

    /** What one pass did. */
    record Pass(int chained, boolean lockedOut) {

        /** Another sequencer held the chain head, so this one did nothing. */
        public static final Pass LOCKED_OUT = new Pass(0, true);
    }

    /**
     * One pass: chains up to one batch of committed staged records, oldest first. Answers
     * {@link Pass#LOCKED_OUT} at once, without waiting, when another sequencer is at work.
     */
    Pass sequenceNow();

    /**
     * Chains every record that was staged and committed before this call, waiting for another
     * sequencer if one is at work, and answers how many this call chained. Staged records whose content
     * no longer matches their entry hash are left staged (and reported by {@link AuditVerifier}).
     */
    long flush();
}
