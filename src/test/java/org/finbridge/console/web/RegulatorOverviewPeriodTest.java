package org.finbridge.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.finbridge.supervision.RegulatorViews;
import org.junit.jupiter.api.Test;

/** The regulator's period: the last 30 days unless asked otherwise; a period that cannot be read falls back and says so. */
class RegulatorOverviewPeriodTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void withoutAPeriodTheLastThirtyDaysAreShown() {
        assertThat(RegulatorPages.Period.parse(null, null, TODAY))
                .isEqualTo(new RegulatorPages.Period(LocalDate.of(2026, 10, 29), TODAY, false));
    }

    @Test
    void aPeriodOfUpToAYearIsShownAsAsked() {
        assertThat(RegulatorPages.Period.parse("2025-11-27", "2026-11-27", TODAY))
                .isEqualTo(new RegulatorPages.Period(LocalDate.of(2025, 11, 27), TODAY, false));
    }

    @Test
    void aBackwardsTooLongOrUnreadablePeriodFallsBackToTheLastThirtyDaysAndSaysSo() {
        for (String[] asked : new String[][] {{"2026-11-27", "2026-11-26"}, {"2025-11-26", "2026-11-27"},
                {"27.11.2026", "2026-11-27"}, {"2026-11-01", null}}) {
            RegulatorPages.Period p = RegulatorPages.Period.parse(asked[0], asked[1], TODAY);
            assertThat(p.invalid()).as(String.join(" to ", String.valueOf(asked[0]), String.valueOf(asked[1]))).isTrue();
            assertThat(p.from()).isEqualTo(LocalDate.of(2026, 10, 29));
            assertThat(p.to()).isEqualTo(TODAY);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChartHasEveryDayOfThePeriodAndOneSeriesPerCurrencyInMajorUnits() {
        Map<String, Object> chart = RegulatorPages.dailyChart(List.of(
                new RegulatorViews.Flow("2026-11-25", "EUR", 2, 12_345, 0),
                new RegulatorViews.Flow("2026-11-27", "JPY", 1, 5_000, 0),
                new RegulatorViews.Flow("2026-11-27", "EUR", 1, 100, 0)), LocalDate.of(2026, 11, 25), TODAY);
        assertThat((List<String>) chart.get("categories")).containsExactly("2026-11-25", "2026-11-26", "2026-11-27");
        List<Map<String, Object>> series = (List<Map<String, Object>>) chart.get("series");
        assertThat(series).extracting(s -> s.get("name")).containsExactly("EUR", "JPY");
        assertThat((double[]) series.get(0).get("data")).containsExactly(123.45, 0.0, 1.0);
        assertThat((double[]) series.get(1).get("data")).containsExactly(0.0, 0.0, 5000.0);
    }
}
