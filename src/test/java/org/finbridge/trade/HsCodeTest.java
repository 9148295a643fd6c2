package org.finbridge.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HsCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"851713", "8517.13", "85171300", "8517130000", "010121", "970190"})
    void internationalAndNationalCodesOfSixToTenDigitsAreHsCodes(String code) {
        assertThat(HsCode.check(code)).isEmpty();
        assertThat(HsCode.parse(code).subheading()).hasSize(6);
    }

    @Test
    void dotsAreDroppedAndTheSubheadingIsTheFirstSixDigits() {
        HsCode code = HsCode.parse("8517.13.00.00");
        assertThat(code.digits()).isEqualTo("8517130000");
        assertThat(code.subheading()).isEqualTo("851713");
    }

    @Test
    void tooShortTooLongOrNotDigitsIsRefused() {
        assertThat(HsCode.check("85171")).contains("must have 6 to 10 digits");
        assertThat(HsCode.check("85171300001")).contains("must have 6 to 10 digits");
        assertThat(HsCode.check("8517AB")).contains("must be digits only");
        assertThat(HsCode.check(null)).contains("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"001234", "980100", "990100", "770100"})
    void chaptersOutsideTheNomenclatureAreRefused(String code) {
        assertThat(HsCode.check(code)).get().asString().contains("is not an HS chapter");
    }

    @Test
    void headingsAreNumberedFromOne() {
        assertThat(HsCode.check("850012")).get().asString().contains("headings are numbered from 01");
        assertThatThrownBy(() -> HsCode.parse("850012")).isInstanceOf(IllegalArgumentException.class);
    }
}
