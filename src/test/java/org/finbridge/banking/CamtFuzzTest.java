package org.finbridge.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.finbridge.bench.CamtFuzzer;
import org.junit.jupiter.api.Test;

/**
 * Ten seconds of mutated statements (byte flips, truncation, duplicated and removed elements, splices):
 * the reader answers Parsed or Refused every time, never throws, never hangs. {@code bench/fuzz-camt}
 * runs the same harness for longer. A new seed each run widens the search; it is in the message to
 * replay a failure ({@code bench/fuzz-camt --seed N}).
 */
class CamtFuzzTest {

    @Test
    void mutatedStatementsAreParsedOrRefusedNeverAnythingElse() throws Exception {
        long seed = System.nanoTime();
        CamtFuzzer.Outcome outcome = new CamtFuzzer(CamtFuzzer.shippedExamples(), seed)
                .run(Duration.ofSeconds(10), Path.of("target/fuzz-camt"));
        assertThat(outcome.failures()).as("seed %d: %s", seed, outcome.resultLine()).isEmpty();
        assertThat(outcome.crashes() + outcome.hangs()).isZero();
        assertThat(outcome.iterations()).as("seed %d", seed).isGreaterThan(1_000);
        // the mutations reach both sides: some survive as readable statements, most are refused
        assertThat(outcome.parsed()).isPositive();
        assertThat(outcome.refused()).isPositive();
    }
}
