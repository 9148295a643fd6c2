package org.finbridge.risk.aml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** AML Law 2024 art. 34: ten years, on China's calendar, checked with fixed clocks. */
class RetentionTest {

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void aReportOfMarch2026IsKeptUntilMarch2036() {
        LocalDate keepUntil = Retention.keepUntil(LocalDate.of(2026, 3, 10));
        assertThat(keepUntil).isEqualTo(LocalDate.of(2036, 3, 10));
        assertThat(Retention.refusal(keepUntil, at("2026-03-11T00:00:00Z"))).contains(keepUntil);
        // 2036-03-09 23:59 in Shanghai is still the day before
        assertThat(Retention.refusal(keepUntil, at("2036-03-09T15:59:59Z"))).contains(keepUntil);
        // from midnight in Shanghai on the keep-until day, deletion is allowed
        assertThat(Retention.refusal(keepUntil, at("2036-03-09T16:00:00Z"))).isEmpty();
        assertThat(Retention.refusal(keepUntil, at("2040-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void aLeapDayRecordIsKeptUntilTheEndOfFebruaryTenYearsOn() {
        assertThat(Retention.keepUntil(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2038, 2, 28));
    }
}
