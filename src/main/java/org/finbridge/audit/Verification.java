package org.finbridge.audit;

/** The outcome of {@link AuditVerifier#verify()}. */
public sealed interface Verification {

    /** The whole chain checks out. {@code lastHash} is worth keeping outside the database. */
    record Intact(long records, String lastHash) implements Verification {
    }

    /**
     * The chain breaks at {@code firstBadSequence}: the first record (or the first missing sequence)
     * that does not fit; everything before it checks out.
     */
    record Broken(long firstBadSequence, String reason) implements Verification {
    }
}
