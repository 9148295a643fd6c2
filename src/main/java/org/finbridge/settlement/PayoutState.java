package org.finbridge.settlement;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A payout's lifecycle, declared in one place: CREATED (money moved from the merchant's available balance
 * into the platform's payouts-in-transit account) → SENT (in a bank file) → ACCEPTED (the bank took the
 * instruction, pain.002 ACCP/ACTC) → SETTLED (paid to the beneficiary, ACSC); or REJECTED (RJCT before
 * settlement) or RETURNED (the beneficiary's bank sent it back after settlement), both with the ledger
 * reversed to the merchant's available balance.
 *
 * <p>Sanctions screening (AML Law arts. 40–41) may stop a payout before any bank sees it. HELD: written so
 * when its beneficiary may be a listed person, its money reserved in payouts-in-transit as for any
 * payout → CREATED when a reviewer calls the match a false positive, or → BLOCKED when the match is
 * confirmed: the money stays frozen where it is, never sent and never given back to a merchant that is no
 * longer served. A CREATED payout of a merchant whose own match is confirmed is HELD too, and stays so.
 */
public enum PayoutState {
    CREATED, SENT, ACCEPTED, SETTLED, REJECTED, RETURNED, HELD, BLOCKED;

    private static final Map<PayoutState, Set<PayoutState>> NEXT = Map.of(
            CREATED, EnumSet.of(SENT, REJECTED, HELD),
            HELD, EnumSet.of(CREATED, BLOCKED),
            BLOCKED, EnumSet.noneOf(PayoutState.class),
            SENT, EnumSet.of(ACCEPTED, SETTLED, REJECTED),
            ACCEPTED, EnumSet.of(SETTLED, REJECTED),
            SETTLED, EnumSet.of(RETURNED),
            REJECTED, EnumSet.noneOf(PayoutState.class),
            RETURNED, EnumSet.noneOf(PayoutState.class));

    public boolean mayBecome(PayoutState next) {
        return NEXT.get(this).contains(next);
    }

    /** True when the money is back with the merchant. */
    public boolean reversed() {
        return this == REJECTED || this == RETURNED;
    }
}
