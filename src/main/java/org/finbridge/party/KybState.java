package org.finbridge.party;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a merchant's know-your-business application, declared in one place.
 *
 * <pre>
 * DRAFT ─submit→ SUBMITTED ─→ SCREENING ─→ IN_REVIEW ─approve→ APPROVED ─periodic review→ IN_REVIEW
 *                    ↑                          ├─reject→ REJECTED
 *                    └──── resubmit ─── MORE_INFORMATION_REQUESTED ←┘
 * </pre>
 *
 * Screening never approves by itself: whatever it finds, a reviewer decides (and until a sanctions
 * screening service is configured, the reviewer also screens by hand).
 */
public enum KybState {
    DRAFT, SUBMITTED, SCREENING, IN_REVIEW, MORE_INFORMATION_REQUESTED, APPROVED, REJECTED;

    private static final Map<KybState, Set<KybState>> LEGAL = Map.of(
            DRAFT, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(SCREENING),
            SCREENING, EnumSet.of(IN_REVIEW),
            IN_REVIEW, EnumSet.of(APPROVED, REJECTED, MORE_INFORMATION_REQUESTED),
            MORE_INFORMATION_REQUESTED, EnumSet.of(SUBMITTED),
            APPROVED, EnumSet.of(IN_REVIEW),
            REJECTED, EnumSet.noneOf(KybState.class));

    public boolean canMoveTo(KybState next) {
        return LEGAL.get(this).contains(next);
    }

    /** States in which the merchant may still change its file (owners, documents). */
    public boolean isEditable() {
        return this == DRAFT || this == MORE_INFORMATION_REQUESTED;
    }
}
