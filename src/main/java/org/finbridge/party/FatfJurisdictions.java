package org.finbridge.party;

import java.util.Set;

/**
 * Jurisdictions the FATF names as high-risk (24 October 2025 plenary; refresh after each plenary, in
 * February, June and October): "call for action" (the black list) and "increased monitoring" (the grey
 * list), REGULATIONS §4.3. One list for the platform: the party module's risk-tier suggestion and the
 * risk module's AML monitoring both read it.
 */
public final class FatfJurisdictions {

    /** FATF call for action: DPRK and Iran (countermeasures), Myanmar (enhanced due diligence). */
    public static final Set<String> CALL_FOR_ACTION = Set.of("KP", "IR", "MM");

    /** FATF jurisdictions under increased monitoring, 24 October 2025. */
    public static final Set<String> INCREASED_MONITORING = Set.of("DZ", "AO", "BO", "BG", "CM", "CI", "CD", "HT", "KE",
            "LA", "LB", "MC", "NA", "NP", "SS", "SY", "VE", "VN", "VG", "YE");

    private FatfJurisdictions() {
    }

    /** @param country an ISO 3166-1 alpha-2 code, or null */
    public static boolean isCallForAction(String country) {
        return country != null && CALL_FOR_ACTION.contains(country);
    }

    /** @param country an ISO 3166-1 alpha-2 code, or null */
    public static boolean isUnderIncreasedMonitoring(String country) {
        return country != null && INCREASED_MONITORING.contains(country);
    }
}
