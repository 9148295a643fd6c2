package org.finbridge.party.internal;

import org.finbridge.party.FatfJurisdictions;

/** The FATF lists as the risk-tier suggestion reads them (see {@link FatfJurisdictions}, REGULATIONS §4.3). */
final class CountryRisk {

    private CountryRisk() {
    }

    static boolean isCallForAction(String country) {
        return FatfJurisdictions.isCallForAction(country);
    }

    static boolean isUnderIncreasedMonitoring(String country) {
        return FatfJurisdictions.isUnderIncreasedMonitoring(country);
    }
}
