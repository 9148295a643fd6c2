package org.finbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxQuoteCommandTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    record Run(int status, String out, String err) {
        String result() {
            return out.lines().reduce((a, b) -> b).orElse("");
        }
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new TaxQuoteCommand(CLOCK).run(List.of(args), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theWorkedExampleOfThreeThousandYuanAtThirteenPercent() {
        Run r = run("--destination", "CN", "--price", "3000", "--freight", "0", "--insurance", "0", "--currency", "CNY",
                "--vat-rate", "0.13", "--consumption-tax-rate", "0", "--annual-used", "0");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("cbec-preferential");
        assertThat(r.result()).isEqualTo("RESULT treatment=cbec-preferential tax=273.00 annual_after=3000.00");
    }

    @Test
    void anIndivisibleItemOverTheSingleLimitAndAnOrderOverTheYear() {
        assertThat(run("--destination", "CN", "--price", "5900", "--freight", "80", "--insurance", "20", "--currency", "CNY",
                "--vat-rate", "0.13", "--consumption-tax-rate", "0", "--annual-used", "1000", "--indivisible").result())
                .isEqualTo("RESULT treatment=cbec-full-single-item tax=780.00 annual_after=7000.00");
        assertThat(run("--destination", "CN", "--price", "3000", "--freight", "0", "--insurance", "0", "--currency", "CNY",
                "--vat-rate", "0.13", "--consumption-tax-rate", "0", "--annual-used", "24000").result())
                .isEqualTo("RESULT treatment=general-trade tax=390.00 annual_after=24000.00");
    }

    @Test
    void checkoutTaxForTheEu() {
        Run r = run("--destination", "DE", "--price", "120", "--currency", "EUR", "--ioss", "--item-categories", "2");
        assertThat(r.status()).isZero();
        assertThat(r.result()).isEqualTo("RESULT treatment=eu-ioss-checkout tax=28.80 collected_at_checkout=true");
    }

    @Test
    void badInputIsAUsageErrorWithTheReason() {
        Run missing = run("--destination", "CN", "--price", "3000", "--currency", "CNY", "--annual-used", "0");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("missing --vat-rate");
        Run usd = run("--destination", "CN", "--price", "3000", "--currency", "USD", "--vat-rate", "0.13", "--annual-used", "0");
        assertThat(usd.status()).isEqualTo(2);
        assertThat(usd.err()).contains("CNY");
        Run word = run("--destination", "CN", "--price", "lots", "--currency", "CNY", "--vat-rate", "0.13", "--annual-used", "0");
        assertThat(word.err()).contains("--price must be an amount");
        assertThat(run("--bogus").status()).isEqualTo(2);
        assertThat(run("--destination", "CN", "--price", "1", "--currency", "CNY", "--vat-rate", "0.13", "--annual-used", "0",
                "--date", "2015-01-01").err()).contains("no version of rule");
    }
}
