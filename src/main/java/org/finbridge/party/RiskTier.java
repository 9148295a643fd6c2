package org.finbridge.party;

import java.time.Period;

/**
 * A party's money-laundering risk tier, which drives limits, monitoring intensity and how often its
 * due-diligence file is reviewed (risk-based approach: FATF R.1 and R.10; PBOC Order 2022 No. 1 on
 * customer due diligence, which requires files to be kept current in proportion to risk).
 */
public enum RiskTier {
    LOW(Period.ofYears(3)),
    MEDIUM(Period.ofYears(2)),
    HIGH(Period.ofYears(1));

    private final Period reviewEvery;

    RiskTier(Period reviewEvery) {
        this.reviewEvery = reviewEvery;
    }

    /** How long until the next periodic review of the party's file. */
    public Period reviewEvery() {
        return reviewEvery;
    }
}
