package org.finbridge.supervision;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a balance-of-payments declaration stands with the reporting channel (国际收支申报, regulations notes
 * §2): {@link #RECORDED} when the platform writes it, {@link #FILED} once sent, then {@link #ACCEPTED} or
 * {@link #REJECTED} by the receiving authority. A rejected declaration is corrected and filed again; an
 * accepted one is final. A declaration may be marked accepted or rejected without a recorded filing (the
 * authority's answer is what counts).
 */
public enum BopStatus {
    RECORDED, FILED, ACCEPTED, REJECTED;

    private static final Map<BopStatus, Set<BopStatus>> NEXT = Map.of(
            RECORDED, EnumSet.of(FILED, ACCEPTED, REJECTED),
            FILED, EnumSet.of(ACCEPTED, REJECTED),
            REJECTED, EnumSet.of(FILED),
            ACCEPTED, EnumSet.noneOf(BopStatus.class));

    public boolean mayBecome(BopStatus next) {
        return NEXT.get(this).contains(next);
    }
}
