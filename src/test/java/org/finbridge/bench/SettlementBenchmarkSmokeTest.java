package org.finbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The settlement benchmark's code path at 2,000 payments, so that {@code bench/settlement} does not rot:
 * the seeded payments are released by one run whose statements equal the plain SQL totals to the cent,
 * every payment settled once (within its merchant's range), the ledger clean; then a statement of 500 lines reconciles completely. Figures here
 * mean nothing (small, and H2 in one pass).
 */
@ApplicationTest
class SettlementBenchmarkSmokeTest {

    @Autowired
    ApplicationContext app;
    @Autowired
    MutableClock clock;

    @Test
    void aRunOverTwoThousandSeededPaymentsEqualsThePlainSqlTotalsAndTheStatementReconciles() throws Exception {
        // a date no other test's run has reached: runs are one per date and worked in date order
        clock.advance(Duration.ofDays(40));
        LocalDate date = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant capturedAt = date.minusDays(10).atTime(4, 0).toInstant(ZoneOffset.UTC);
        SettlementScenario scenario = new SettlementScenario(app);
        scenario.registerMerchants(7);
        // some refunded after capture: read with their running totals, a line each, and still equal to the plain SQL
        scenario.seedCapturedPayments(2_000, capturedAt, 5);

        SettlementScenario.RunFigures run = scenario.measureRun(date, capturedAt, 2_000);
        assertThat(run.lines()).isEqualTo(2_000);
        assertThat(run.released()).isPositive();
        assertThat(run.ratio()).isPositive();

        SettlementScenario.ReconFigures recon = scenario.measureReconciliation(500, date);
        assertThat(recon.matched()).isEqualTo(500);
        assertThat(recon.exceptions()).isZero();
        assertThat(recon.linesPerSecond()).isPositive();
    }
}
