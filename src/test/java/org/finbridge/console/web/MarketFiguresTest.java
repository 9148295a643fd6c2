package org.finbridge.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The market overview's published figures: the study's Table 1 as the issue quotes it, with growth computed
 * from it, and the customs statistics as shipped, each year with its source.
 */
class MarketFiguresTest {

    @Test
    void theStudysTableOneIsShownAsPublishedWithItsGrowth() {
        List<MarketPages.StudyYear> study = MarketPages.studyTable();
        assertThat(study).extracting(MarketPages.StudyYear::year).containsExactly(2018, 2019, 2020, 2021, 2022);
        assertThat(study).extracting(y -> y.scale().toPlainString()).containsExactly("9.0", "10.5", "12.5", "14.2", "15.7");
        assertThat(study).extracting(y -> y.exportShare().toPlainString())
                .containsExactly("78.9", "76.5", "77.6", "77.46", "77.25");
        assertThat(study.getFirst().growthPercent()).isNull();
        // (10.5 − 9.0) / 9.0 = 16.7 %; (15.7 − 14.2) / 14.2 = 10.6 %
        assertThat(study.get(1).growthPercent()).isEqualByComparingTo("16.7");
        assertThat(study.get(4).growthPercent()).isEqualByComparingTo("10.6");
    }

    @Test
    void theCustomsFiguresKeepTheirSourcesAndQuotedCommas() {
        List<MarketPages.CustomsYear> customs = MarketPages.customsTable();
        MarketPages.CustomsYear y2022 = customs.stream().filter(c -> c.period().equals("2022")).findFirst().orElseThrow();
        assertThat(y2022.total()).isEqualByComparingTo(new BigDecimal("2.11"));
        assertThat(y2022.exports()).isEqualByComparingTo(new BigDecimal("1.53"));
        assertThat(y2022.growthPercent()).isEqualByComparingTo("7.1");
        assertThat(y2022.source()).startsWith("GACC report, 2023-06").contains("share of total trade 4.9%");
        // a source with commas inside quotes stays one field
        assertThat(customs).allSatisfy(c -> assertThat(c.source()).isNotBlank());
        assertThat(customs.stream().filter(c -> c.period().equals("2018")).findFirst().orElseThrow().exports()).isNull();
    }
}
