package org.finbridge.settlement;

import java.util.Set;

/**
 * A merchant's release terms.
 *
 * @param holdingDays business days between capture and release (T+N), for {@link ReleaseMode#HOLDING_PERIOD}
 * @param calendar the clearing calendar counting business days: {@code CN} (CNAPS, State Council holiday
 *                 schedule with its weekend swaps) or {@code TARGET2} (euro area)
 * @param reserveBasisPoints the rolling reserve: this share of each captured amount stays in the reserve
 *                           (topping up what payments already put there at capture) for refunds and
 *                           chargebacks
 * @param reserveDays calendar days the reserve is held after capture before it is released
 * @param minimumPayoutMinorUnits a merchant's release smaller than this waits for the next run (small
 *                                amounts accumulate instead of causing a bank transfer each)
 */
public record SettlementPolicy(ReleaseMode mode, int holdingDays, String calendar, long reserveBasisPoints, int reserveDays,
                               long minimumPayoutMinorUnits) {

    public static final Set<String> CALENDARS = Set.of("CN", "TARGET2");

    /** Terms for a merchant nobody set terms for: T+2 on the Chinese calendar, no extra reserve, held 90 days. */
    public static SettlementPolicy standard() {
        return new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 2, "CN", 0, 90, 0);
    }

    /** What is wrong with these terms, or null when they can be applied. */
    public String problem() {
        if (mode == null) {
            return "mode must be HOLDING_PERIOD or ON_DELIVERY";
        }
        if (holdingDays < 0 || holdingDays > 60) {
            return "holdingDays must be 0 to 60";
        }
        if (calendar == null || !CALENDARS.contains(calendar)) {
            return "calendar must be one of " + CALENDARS;
        }
        if (reserveBasisPoints < 0 || reserveBasisPoints > 10_000) {
            return "reserveBasisPoints must be 0 to 10000";
        }
        if (reserveDays < 0 || reserveDays > 365) {
            return "reserveDays must be 0 to 365";
        }
        if (minimumPayoutMinorUnits < 0) {
            return "minimumPayoutMinorUnits must not be negative";
        }
        return null;
    }
}
