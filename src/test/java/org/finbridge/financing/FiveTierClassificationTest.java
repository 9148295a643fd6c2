package org.finbridge.financing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The five-tier classification's cut-offs and provisions (REGULATIONS.md §6.4, Appendix A five_tier_dpd). */
class FiveTierClassificationTest {

    @Test
    void daysPastDueMoveALoanDownAtOneNinetyOneTwoSeventyOneAndThreeSixtyOne() {
        assertThat(LoanClass.forDaysPastDue(0)).isEqualTo(LoanClass.NORMAL);
        assertThat(LoanClass.forDaysPastDue(1)).isEqualTo(LoanClass.SPECIAL_MENTION);
        assertThat(LoanClass.forDaysPastDue(90)).isEqualTo(LoanClass.SPECIAL_MENTION);
        assertThat(LoanClass.forDaysPastDue(91)).isEqualTo(LoanClass.SUBSTANDARD);
        assertThat(LoanClass.forDaysPastDue(270)).isEqualTo(LoanClass.SUBSTANDARD);
        assertThat(LoanClass.forDaysPastDue(271)).isEqualTo(LoanClass.DOUBTFUL);
        assertThat(LoanClass.forDaysPastDue(360)).isEqualTo(LoanClass.DOUBTFUL);
        assertThat(LoanClass.forDaysPastDue(361)).isEqualTo(LoanClass.LOSS);
        assertThat(LoanClass.SUBSTANDARD.nonPerforming()).isTrue();
        assertThat(LoanClass.SPECIAL_MENTION.nonPerforming()).isFalse();
    }

    @Test
    void provisionsAreRoundedUpToTheMinorUnit() {
        assertThat(LoanClass.NORMAL.provisionFor(12_345)).isEqualTo(124);
        assertThat(LoanClass.SUBSTANDARD.provisionFor(1_000_001)).isEqualTo(250_001);
        assertThat(LoanClass.LOSS.provisionFor(900_000)).isEqualTo(900_000);
        assertThat(LoanClass.DOUBTFUL.provisionFor(0)).isZero();
    }

    @Test
    void theLifecycleAllowsOnlyItsDeclaredMoves() {
        assertThat(LoanState.APPLIED.canMoveTo(LoanState.ACTIVE)).isFalse();
        assertThat(LoanState.REFERRED.canMoveTo(LoanState.APPROVED)).isTrue();
        assertThat(LoanState.APPROVED.canMoveTo(LoanState.ACTIVE)).isTrue();
        assertThat(LoanState.DEFAULTED.canMoveTo(LoanState.CLOSED)).isTrue();
        assertThat(LoanState.CLOSED.canMoveTo(LoanState.ACTIVE)).isFalse();
        assertThat(LoanState.DECLINED.canMoveTo(LoanState.APPROVED)).isFalse();
    }
}
