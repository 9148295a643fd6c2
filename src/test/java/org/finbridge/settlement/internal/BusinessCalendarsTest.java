package org.finbridge.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** T+N counted on the shipped clearing calendars. */
class BusinessCalendarsTest {

    @Test
    void aPaymentCapturedBeforeTheSpringFestivalIsReleasedAfterItInChina() {
        var cn = BusinessCalendars.of("CN");
        // Friday 13 Feb 2026; Saturday 14 Feb is a swapped working day (调休), 15-23 Feb the holiday
        assertThat(cn.plusBusinessDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(cn.plusBusinessDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(cn.isBusinessDay(LocalDate.of(2026, 2, 28))).as("Saturday 28 Feb 2026 is worked").isTrue();
        assertThat(cn.isBusinessDay(LocalDate.of(2026, 10, 7))).isFalse();
        assertThat(cn.isBusinessDay(LocalDate.of(2026, 10, 10))).as("Saturday 10 Oct 2026 is worked").isTrue();
    }

    @Test
    void theEuroAreaClosesOverEasterButNotOnChineseHolidays() {
        var t2 = BusinessCalendars.of("TARGET2");
        // Thursday 2 April 2026, then Good Friday, the weekend and Easter Monday
        assertThat(t2.plusBusinessDays(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(t2.isBusinessDay(LocalDate.of(2026, 2, 16))).isTrue();
        assertThat(t2.isBusinessDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(t2.isBusinessDay(LocalDate.of(2027, 3, 29))).isFalse();
    }

    @Test
    void aCaptureOnAHolidayCountsFromTheNextBusinessDay() {
        var t2 = BusinessCalendars.of("TARGET2");
        assertThat(t2.plusBusinessDays(LocalDate.of(2026, 12, 25), 0)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(t2.plusBusinessDays(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
    }
}
