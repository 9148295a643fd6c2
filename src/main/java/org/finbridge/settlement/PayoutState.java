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
 */
public enum PayoutState {
    CREATED, SENT, ACCEPTED, SETTLED, REJECTED, RETURNED;

    private static final Map<PayoutState, Set<PayoutState>> NEXT = Map.of(
            CREATED, EnumSet.of(SENT, REJECTED),
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
