package org.finbridge.risk.aml;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A case's lifecycle, declared in one place. OPEN (alerts gathered, nobody on it) → IN_REVIEW (an analyst
 * is assigned) → AWAITING_APPROVAL (the analyst, the preparer, proposes to file an STR or to close without
 * one, with a rationale) → REPORTED or CLOSED_NO_REPORT when a second person approves; a rejected proposal
 * returns the case to IN_REVIEW. The four-eyes rule and the file / no-file decision with its rationale
 * are REGULATIONS §4's STR case management; the filing itself is AML Law art. 35.
 */
public enum CaseStatus {
    OPEN, IN_REVIEW, AWAITING_APPROVAL, REPORTED, CLOSED_NO_REPORT;

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            OPEN, EnumSet.of(IN_REVIEW),
            IN_REVIEW, EnumSet.of(IN_REVIEW, AWAITING_APPROVAL),
            AWAITING_APPROVAL, EnumSet.of(IN_REVIEW, REPORTED, CLOSED_NO_REPORT),
            REPORTED, EnumSet.noneOf(CaseStatus.class),
            CLOSED_NO_REPORT, EnumSet.noneOf(CaseStatus.class));

    public boolean mayBecome(CaseStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isClosed() {
        return this == REPORTED || this == CLOSED_NO_REPORT;
    }
}
