package org.finbridge.risk.aml.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days for the 5-working-day report deadlines (REGULATIONS §4.2). Monday to Friday: the
 * State Council's public-holiday calendar and its make-up working weekends are not applied yet, so a
 * deadline over a holiday is earlier than the law's, never later.
 */
final class WorkingDays {

    private WorkingDays() {
    }

    static LocalDate plus(LocalDate from, int workingDays) {
        LocalDate day = from;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}
