package org.finbridge.settlement;

import java.time.LocalTime;
import java.util.Set;

/**
 * A way money reaches a merchant's bank, with its cut-off (local time of the rail's calendar), its fee and
 * its speed in business days after the day the instruction is accepted. The numbers are the platform's
 * configured tariff, set from its partner banks' price lists, not market facts.
 *
 * @param feeMinorUnits the platform's charge to the merchant per payout, in minor units of the payout currency
 * @param currencies the currencies the rail pays in (empty = any)
 */
public record Rail(String code, String format, String calendar, LocalTime cutOff, long feeMinorUnits, int businessDays,
                   Set<String> currencies) {

    /** Domestic clearing through the partner bank: SEPA credit transfer for EUR, CNAPS for CNY (pain.001). */
    public static final Rail LOCAL_EUR = new Rail("LOCAL_SEPA", "pain.001.001.09", "TARGET2", LocalTime.of(15, 0), 20, 1, Set.of("EUR"));
    public static final Rail LOCAL_CNY = new Rail("LOCAL_CNAPS", "pain.001.001.09", "CN", LocalTime.of(16, 30), 500, 0, Set.of("CNY"));
    /** Cross-border in CNY through CIPS (pacs.008 with CIPS clearing), faster and cheaper than correspondent banking for CNY. */
    public static final Rail CIPS = new Rail("CIPS", "pacs.008.001.08", "CN", LocalTime.of(17, 0), 1_500, 1, Set.of("CNY"));
    /** Cross-border through SWIFT gpi (pacs.008 with a UETR), any currency. */
    public static final Rail SWIFT_GPI = new Rail("SWIFT_GPI", "pacs.008.001.08", "TARGET2", LocalTime.of(14, 0), 2_500, 2, Set.of());

    public boolean pays(String currency) {
        return currencies.isEmpty() || currencies.contains(currency);
    }
}
