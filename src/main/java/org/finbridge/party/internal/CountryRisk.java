package org.finbridge.party.internal;

import java.util.Set;

/**
 * Jurisdictions the FATF names as high-risk (24 October 2025 plenary; refresh after each plenary):
 * "call for action" (black list) and "increased monitoring" (grey list). See REGULATIONS §4.3.
 */
final class CountryRisk {

    /** FATF call for action: DPRK and Iran (countermeasures), Myanmar (enhanced due diligence). */
    static final Set<String> CALL_FOR_ACTION = Set.of("KP", "IR", "MM");

    /** FATF jurisdictions under increased monitoring, 24 October 2025. */
    static final Set<String> INCREASED_MONITORING = Set.of("DZ", "AO", "BO", "BG", "CM", "CI", "CD", "HT", "KE",
            "LA", "LB", "MC", "NA", "NP", "SS", "SY", "VE", "VN", "VG", "YE");

    private CountryRisk() {
    }

    static boolean isCallForAction(String country) {
        return CALL_FOR_ACTION.contains(country);
    }

    static boolean isUnderIncreasedMonitoring(String country) {
        return INCREASED_MONITORING.contains(country);
    }
}
