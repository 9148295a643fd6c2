package org.finbridge.party.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HolderNamesTest {

    @Test
    void theSameCompanyUnderTheSpellingsBanksUseMatches() {
        String latin = "Shenzhen Bright Trading Co., Ltd.";
        String original = "深圳市光明贸易有限公司";
        assertThat(HolderNames.matches("SHENZHEN BRIGHT TRADING CO LTD", latin, original)).isTrue();
        assertThat(HolderNames.matches("Shenzhen Bright Trading Company Limited", latin, original)).isTrue();
        assertThat(HolderNames.matches("shenzhen  bright-trading", latin, original)).isTrue();
        assertThat(HolderNames.matches("深圳市光明贸易有限公司", latin, original)).isTrue();
        assertThat(HolderNames.matches("深圳市光明贸易", latin, original)).isTrue();
        assertThat(HolderNames.matches("Müller GmbH", "Muller GmbH", null)).isTrue();
    }

    @Test
    void anotherHolderDoesNotMatch() {
        String latin = "Shenzhen Bright Trading Co., Ltd.";
        assertThat(HolderNames.matches("Shenzhen Bright Logistics Co., Ltd.", latin, null)).isFalse();
        assertThat(HolderNames.matches("Bright Trading", latin, null)).isFalse();
        assertThat(HolderNames.matches("深圳市光明物流有限公司", latin, "深圳市光明贸易有限公司")).isFalse();
        assertThat(HolderNames.matches("", latin, null)).isFalse();
    }
}
