package org.finbridge.settlement.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a payment's policy releases it on a business date, as instants the run's plan compares capture and
 * delivery times with (the plan itself is one statement: {@code SettlementStore#planLines}, where the
 * amounts of each line are spelt out). The amounts come from the payment's own running totals, which are
 * exactly what payments moved through the merchant's pending account ({@code LedgerPostings}): captures
 * in, fees, reserve, refunds and chargebacks taken from pending out. Settlement has moved
 * {@link Tracked#settled()} of it before, so a line is the difference: a refund after release turns into a
 * RECOVERY line netted in the next run.
 */
final class ReleasePlanner {

    enum Kind { RESERVE_WITHHOLD, RELEASE, RESERVE_RELEASE, RECOVERY }

    /** A captured payment and what settlement moved for it so far. */
    record Tracked(java.util.UUID paymentId, java.util.UUID merchantId, String currency, Instant capturedAt,
                   Instant deliveredAt, long settled, long reserveWithheld, long reserveReleased) {
    }

    private ReleasePlanner() {
    }

    /**
     * The first instant whose captures a HOLDING_PERIOD policy of {@code holdingDays} on {@code calendar} does not
     * release by the end of {@code businessDate}: a payment captured on local date D is released once
     * D + N business days is not after the business date. D + N business days never goes back as D goes forward,
     * so the released captures are exactly those of dates up to the last D that qualifies, and the run can ask
     * the database for {@code captured_at < } this instant instead of reading every payment.
     */
    static Instant releasedBefore(String calendar, int holdingDays, LocalDate businessDate) {
        BusinessCalendars.Calendar cal = BusinessCalendars.of(calendar);
        LocalDate last = businessDate;
        while (cal.plusBusinessDays(last, holdingDays).isAfter(businessDate)) {
            last = last.minusDays(1);
        }
        return last.plusDays(1).atStartOfDay(cal.zone()).toInstant();
    }

    /** ON_DELIVERY releases a payment delivered (in the calendar's zone) on the business date or before. */
    static Instant deliveredBefore(String calendar, LocalDate businessDate) {
        return businessDate.plusDays(1).atStartOfDay(BusinessCalendars.of(calendar).zone()).toInstant();
    }

    /** The rolling reserve is returned {@code reserveDays} calendar days after capture (Stripe's rolling reserve). */
    static Instant reserveDueBefore(String calendar, int reserveDays, LocalDate businessDate) {
        return businessDate.minusDays(reserveDays).plusDays(1).atStartOfDay(BusinessCalendars.of(calendar).zone()).toInstant();
    }
}
