package org.finbridge.audit;

/**
 * Walks the whole audit log in sequence order and recomputes the chain. Memory use does not grow with
 * the log: it is read in pages.
 */
public interface AuditVerifier {

    /**
     * Checks that sequences run 1, 2, 3, … without gaps, that each record's {@code prev_hash} is its
     * predecessor's hash (64 zeros for the first), that each record's hash is the one its content
     * gives, and that the log ends exactly where the chain head says it does.
     *
     * <p>Records appended while the walk runs are not missed by mistake nor reported as damage: the
     * walk checks the log up to the head it read first, then that nothing lies beyond the head.
     */
    Verification verify();
}
