package org.finbridge.ledger;

import java.util.List;

/**
 * The invariant sweep: proof that no money was lost, created or doubled. Every stateful test ends
 * with it, and operations can run it at any time.
 */
public interface LedgerInvariants {

    Report sweep();

    /** One broken rule, with the rows that break it. */
    record Violation(String rule, String detail) {
    }

    record Report(List<Violation> violations, long accounts, long transfers) {
        public boolean isClean() {
            return violations.isEmpty();
        }

        @Override
        public String toString() {
            return isClean()
                    ? "ledger invariants hold over " + accounts + " accounts and " + transfers + " transfers"
                    : violations.size() + " ledger invariant violations: " + violations;
        }
    }
}
