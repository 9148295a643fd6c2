package org.finbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoanScheduleCommandTest {

    record Run(int status, String out) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new LoanScheduleCommand().run(List.of(args), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    @Test
    void printsTheScheduleAsCsvInMinorUnitsThenTheTotalsAndTheAnnualCost() {
        Run r = run("--principal", "1200000", "--currency", "CNY", "--annual-rate", "0.12", "--months", "3",
                "--method", "equal-principal", "--start", "2026-01-15");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("""
                period,due_date,payment,principal,interest,remaining
                1,2026-02-15,412000,400000,12000,800000
                2,2026-03-15,408000,400000,8000,400000
                3,2026-04-15,404000,400000,4000,0
                RESULT instalments=3 total_payment=1224000 total_interest=24000 apr=0.12 effective_rate=0.1268250301
                """);
    }

    @Test
    void theCommandIsListedForTheDispatcher() {
        assertThat(Cli.find(new String[] {"loan", "schedule", "--months", "1"})).get()
                .extracting(m -> m.command().name()).isEqualTo("loan schedule");
    }

    @Test
    void badArgumentsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> run("--principal", "100", "--currency", "CNY")).hasMessageContaining("is required");
        assertThatThrownBy(() -> run("--principal", "x", "--currency", "CNY", "--annual-rate", "0.1", "--months", "3",
                "--method", "equal-principal", "--start", "2026-01-15")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> run("--principal", "100", "--currency", "CNY", "--annual-rate", "0.1", "--months", "3",
                "--method", "balloon", "--start", "2026-01-15")).hasMessageContaining("unknown amortization method");
        assertThatThrownBy(() -> run("--bogus", "1")).hasMessageContaining("unknown option --bogus");
    }
}
