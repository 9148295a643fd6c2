package org.finbridge.risk.aml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.finbridge.party.PartyId;
import org.junit.jupiter.api.Test;

/** The background pass evaluates a busy customer at most once per spacing, and any other customer at once. */
class EvaluationSpacingTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aCustomerIsDueAgainOnlyOnceItsSpacingHasRunOut() {
        EvaluationSpacing spacing = new EvaluationSpacing(10 * SECOND);
        PartyId busy = new PartyId(UUID.randomUUID());
        PartyId other = new PartyId(UUID.randomUUID());
        long t0 = 5 * SECOND;
        assertThat(spacing.due(busy, t0)).isTrue();
        spacing.evaluated(busy, t0);
        assertThat(spacing.due(busy, t0 + 1)).isFalse();
        assertThat(spacing.due(busy, t0 + 10 * SECOND - 1)).isFalse();
        assertThat(spacing.due(other, t0 + 1)).as("another customer waits for nobody").isTrue();
        assertThat(spacing.due(busy, t0 + 10 * SECOND)).isTrue();
    }

    @Test
    void customersWhoseSpacingRanOutAreForgotten() {
        EvaluationSpacing spacing = new EvaluationSpacing(10 * SECOND);
        PartyId early = new PartyId(UUID.randomUUID());
        PartyId late = new PartyId(UUID.randomUUID());
        spacing.evaluated(early, 0);
        spacing.evaluated(late, 6 * SECOND);
        spacing.forgetBefore(12 * SECOND);
        assertThat(spacing.remembered()).isEqualTo(1);
        assertThat(spacing.due(late, 12 * SECOND)).isFalse();
        spacing.forgetBefore(16 * SECOND);
        assertThat(spacing.remembered()).isZero();
    }

    @Test
    void elapsedTimeMayBeNegativeAsNanoTimeIs() {
        // System.nanoTime has an arbitrary origin and may be negative: only differences count
        EvaluationSpacing spacing = new EvaluationSpacing(10 * SECOND);
        PartyId party = new PartyId(UUID.randomUUID());
        spacing.evaluated(party, Long.MIN_VALUE + 5);
        assertThat(spacing.due(party, Long.MIN_VALUE + 6)).isFalse();
        assertThat(spacing.due(party, Long.MIN_VALUE + 5 + 10 * SECOND)).isTrue();
        assertThatThrownBy(() -> new EvaluationSpacing(-1)).hasMessageContaining("zero or more");
    }

    @Test
    void noSpacingEvaluatesEveryPass() {
        EvaluationSpacing spacing = new EvaluationSpacing(0);
        PartyId party = new PartyId(UUID.randomUUID());
        spacing.evaluated(party, 100);
        assertThat(spacing.due(party, 100)).isTrue();
    }
}
