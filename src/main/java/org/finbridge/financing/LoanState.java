package org.finbridge.financing;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A loan's lifecycle, declared in one place.
 *
 * <pre>
 * APPLIED ─underwriting→ APPROVED ─accept (disburse)→ ACTIVE ─repaid in full→ CLOSED
 *    │                      ↑                            ├─default→ DEFAULTED ─recovered or written off→ CLOSED
 *    ├─→ REFERRED ─person→ ─┘ (or DECLINED)              └─supplier's payout rejected or returned (import credit)→ CANCELLED
 *    └─→ DECLINED
 * </pre>
 *
 * Underwriting approves only when every policy passes on known data; anything unknown refers the
 * application to a person.
 */
public enum LoanState {
    APPLIED, REFERRED, DECLINED, APPROVED, ACTIVE, DEFAULTED, CLOSED,
    /** Disbursed and then unwound: the import credit's payout to the supplier came back, the advance went back to the lender. */
    CANCELLED;

    private static final Map<LoanState, Set<LoanState>> LEGAL = Map.of(
            APPLIED, EnumSet.of(APPROVED, REFERRED, DECLINED),
            REFERRED, EnumSet.of(APPROVED, DECLINED),
            DECLINED, EnumSet.noneOf(LoanState.class),
            APPROVED, EnumSet.of(ACTIVE, DECLINED),
            ACTIVE, EnumSet.of(CLOSED, DEFAULTED, CANCELLED),
            DEFAULTED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(LoanState.class),
            CANCELLED, EnumSet.noneOf(LoanState.class));

    public boolean canMoveTo(LoanState next) {
        return LEGAL.get(this).contains(next);
    }

    /** States in which the borrower owes money and servicing runs. */
    public boolean isServiced() {
        return this == ACTIVE || this == DEFAULTED;
    }
}
