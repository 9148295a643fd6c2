package org.finbridge.financing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.finbridge.financing.LoanClass;
import org.junit.jupiter.api.Test;

/** The provision rates by class are configurable, within bounds, and never fall as a class worsens. */
class ProvisionRatesTest {

    @Test
    void unnamedClassesKeepTheCustomaryRates() {
        assertThat(Provisioning.rates("")).containsEntry(LoanClass.NORMAL, 100).containsEntry(LoanClass.LOSS, 10_000);
        assertThat(Provisioning.rates("SPECIAL_MENTION:500, SUBSTANDARD:3000"))
                .containsEntry(LoanClass.SPECIAL_MENTION, 500).containsEntry(LoanClass.SUBSTANDARD, 3_000)
                .containsEntry(LoanClass.DOUBTFUL, 5_000);
    }

    @Test
    void ratesOutOfBoundsUnknownClassesAndFallingRatesAreRefused() {
        assertThatThrownBy(() -> Provisioning.rates("NORMAL:-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Provisioning.rates("LOSS:10001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Provisioning.rates("WATCH:100")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Provisioning.rates("NORMAL")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Provisioning.rates("DOUBTFUL:1000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOUBTFUL");
    }
}
