package org.finbridge.risk.sanctions;

/**
 * A possible match's life: raised {@link #OPEN}, then settled once by a reviewer as a
 * {@link #TRUE_MATCH} or a {@link #FALSE_POSITIVE}. A settled pair of subject and list entry is not
 * raised again until the list entry changes.
 */
public enum HitStatus {
    OPEN, TRUE_MATCH, FALSE_POSITIVE;

    public boolean isDecision() {
        return this != OPEN;
    }
}
