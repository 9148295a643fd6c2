package org.finbridge.settlement.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.finbridge.payments.CapturedAmounts;
import org.finbridge.settlement.SettlementPolicy;

/**
 * What one payment's policy releases on a business date, as lines for the run. The amounts come from
 * the payment's own running totals, which are exactly what payments moved through the merchant's
 * pending account ({@code LedgerPostings}): captures in, fees, reserve, refunds and chargebacks taken
 * from pending out. Settlement has moved {@link Tracked#settled()} of it before, so a line is the
 * difference: a refund after release turns into a RECOVERY line netted in the next run.
 */
final class ReleasePlanner {

    enum Kind { RESERVE_WITHHOLD, RELEASE, RESERVE_RELEASE, RECOVERY }

    /** A captured payment and what settlement moved for it so far. */
    record Tracked(java.util.UUID paymentId, java.util.UUID merchantId, String currency, Instant capturedAt,
                   Instant deliveredAt, long settled, long reserveWithheld, long reserveReleased) {
    }

    record Line(Kind kind, long amount) {
    }

    private ReleasePlanner() {
    }

    /** True when the policy releases the payment's money by the end of {@code businessDate}. */
    static boolean released(SettlementPolicy policy, Tracked t, LocalDate businessDate) {
        BusinessCalendars.Calendar cal = BusinessCalendars.of(policy.calendar());
        return switch (policy.mode()) {
            case HOLDING_PERIOD -> !cal.plusBusinessDays(t.capturedAt().atZone(cal.zone()).toLocalDate(), policy.holdingDays())
                    .isAfter(businessDate);
            case ON_DELIVERY -> t.deliveredAt() != null
                    && !t.deliveredAt().atZone(cal.zone()).toLocalDate().isAfter(businessDate);
        };
    }

    /** The rolling reserve is returned {@code reserveDays} calendar days after capture (Stripe's rolling reserve). */
    static boolean reserveDue(SettlementPolicy policy, Tracked t, LocalDate businessDate) {
        BusinessCalendars.Calendar cal = BusinessCalendars.of(policy.calendar());
        return !t.capturedAt().atZone(cal.zone()).toLocalDate().plusDays(policy.reserveDays()).isAfter(businessDate);
    }

    static List<Line> plan(SettlementPolicy policy, Tracked t, CapturedAmounts p, LocalDate businessDate) {
        List<Line> lines = new ArrayList<>();
        if (!released(policy, t, businessDate)) {
            return lines;
        }
        long chargebackFromReserve = p.disputeStands() ? p.disputeFromReserve() : 0;
        long netPending = p.netPending();

        // the policy's reserve tops up what payments reserved at capture; never withheld twice, never given back early
        long target = Math.floorDiv(Math.multiplyExact(p.captured(), policy.reserveBasisPoints()), 10_000L) - p.reserved();
        long withhold = Math.max(0, Math.min(target, Math.max(0, netPending)) - t.reserveWithheld());
        if (withhold > 0) {
            lines.add(new Line(Kind.RESERVE_WITHHOLD, withhold));
        }
        long withheld = t.reserveWithheld() + withhold;
        long delta = netPending - withheld - t.settled();
        if (delta > 0) {
            lines.add(new Line(Kind.RELEASE, delta));
        }
        if (reserveDue(policy, t, businessDate)) {
            long owed = p.reserved() + withheld - chargebackFromReserve - t.reserveReleased();
            if (owed > 0) {
                lines.add(new Line(Kind.RESERVE_RELEASE, owed));
            }
        }
        if (delta < 0) {
            lines.add(new Line(Kind.RECOVERY, -delta));
        }
        return lines;
    }
}
