package org.finbridge.risk.aml.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The retention rule for AML records: transaction information and reports are kept at least 10 years
 * after the transaction (AML Law 2024 art. 34, in force 2025-01-01, up from 5; REGULATIONS §4.1 and
 * Appendix A {@code cn_aml.record_retention_years}). A record may be deleted from its keep-until day on
 * (China's calendar), never before.
 */
final class Retention {

    static final Period PERIOD = Period.ofYears(10);

    private Retention() {
    }

    /** The first day a record about {@code day} may be deleted. */
    static LocalDate keepUntil(LocalDate day) {
        return day.plus(PERIOD);
    }

    /** Empty when deletion is allowed now; otherwise the day from which it will be. */
    static Optional<LocalDate> refusal(LocalDate keepUntil, Clock clock) {
        LocalDate today = Activity.reportingDay(clock.instant());
        return today.isBefore(keepUntil) ? Optional.of(keepUntil) : Optional.empty();
    }
}
