package org.finbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/finbridge bank-statement parse} on every shipped example, with the lines and totals
 * worked out by hand from the files, and on files it must refuse without printing a line.
 */
class BankStatementParseCommandTest {

    static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new BankStatementParseCommand().run(List.of(args), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path example(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/iso20022/examples/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    static String lines(String... lines) {
        return String.join(NL, lines) + NL;
    }

    @Test
    void theIsoStatementExample() throws IOException {
        // 105678.50 + 30000 SEK credited, 200000 SEK debited (a batch of 20 payments, no single end-to-end id)
        assertThat(run(example("camt.053.001.04__ISO20022-SWIFT-SR2013__business-example.xml").toString())).isEqualTo(new Run(0, lines(
                "AAAASESS-FP-STAT001,50000000054910000003,2010-10-18,2010-10-18,CRDT,10567850,SEK,false,MUELL/FINP/RA12345,AAAASESS-FP-CN_98765/01",
                "AAAASESS-FP-STAT001,50000000054910000003,2010-10-18,2010-10-18,DBIT,20000000,SEK,false,,AAAASESS-FP-ACCR-01",
                "AAAASESS-FP-STAT001,50000000054910000003,2010-10-18,2010-10-18,CRDT,3000000,SEK,false,AAAASS1085FINPSS,AAAASESS-FP-CONF-FX",
                "RESULT statements=1 entries=3 credits=SEK:13567850 debits=SEK:20000000"), ""));
    }

    @Test
    void theIsoNotificationExample() throws IOException {
        assertThat(run(example("camt.054.001.04__ISO20022-SWIFT-SR2013__business-example.xml").toString())).isEqualTo(new Run(0, lines(
                "AAAASESS-FP-CN-98765,50000000054910000003,2010-10-18,2010-10-18,CRDT,10567850,SEK,false,MUELL/FINP/RA12345,AAAASESS-FP-CN-98765/01",
                "RESULT statements=1 entries=1 credits=SEK:10567850 debits="), ""));
    }

    @Test
    void theVersion08Example() throws IOException {
        // one entry of 8.85 EUR booked 2014-12-31T13:15:00+01:00, value 2015-01-02
        assertThat(run(example("camt.053.001.08__genkgo-camt-test__derived-from-ISO-example.xml").toString())).isEqualTo(new Run(0, lines(
                "253EURNL26VAYB8060476890,NL26VAYB8060476890,2014-12-31,2015-01-02,CRDT,885,EUR,false,MUELL/FINP/RA12345,AAAASESS-FP-CN_98765/01",
                "RESULT statements=1 entries=1 credits=EUR:885 debits="), ""));
    }

    @Test
    void theExampleWithABusinessApplicationHeaderHasBalancesButNoEntries() throws IOException {
        assertThat(run(example("camt.053.001.07__prowide-test__with-AppHdr-wrapper.xml").toString()))
                .isEqualTo(new Run(0, lines("RESULT statements=1 entries=0 credits= debits="), ""));
    }

    @Test
    void fieldsWithCommasOrQuotesAreQuotedAndCurrenciesSorted() throws IOException {
        String xml = Files.readString(example("camt.053.001.04__ISO20022-SWIFT-SR2013__business-example.xml"))
                .replace("<EndToEndId>MUELL/FINP/RA12345</EndToEndId>", "<EndToEndId>MUELL,\"FINP\"</EndToEndId>")
                .replace("<Amt Ccy=\"SEK\">30000</Amt>", "<Amt Ccy=\"EUR\">300.25</Amt>")
                .replace("<Amt Ccy=\"SEK\">200000</Amt>", "<Amt Ccy=\"USD\">7.00</Amt>");
        Path file = dir.resolve("edited.xml");
        Files.writeString(file, xml);
        Run run = run(file.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains(",CRDT,10567850,SEK,false,\"MUELL,\"\"FINP\"\"\",AAAASESS-FP-CN_98765/01" + NL)
                .endsWith("RESULT statements=1 entries=3 credits=EUR:30025,SEK:10567850 debits=USD:700" + NL);
    }

    @Test
    void aFileItCannotReadPrintsNoLineAndExitsOne() throws IOException {
        Run other = run(example("pacs.008.001.07__prowide-test__with-AppHdr-wrapper.xml").toString());
        assertThat(other.status()).isEqualTo(1);
        assertThat(other.out()).isEmpty();
        assertThat(other.err()).contains("refused: UNKNOWN_MESSAGE_TYPE: pacs.008.001.07 is not a bank statement");

        Path truncated = dir.resolve("truncated.xml");
        String whole = Files.readString(example("camt.053.001.04__ISO20022-SWIFT-SR2013__business-example.xml"));
        Files.writeString(truncated, whole.substring(0, whole.length() / 2));
        Run half = run(truncated.toString());
        assertThat(half.status()).isEqualTo(1);
        assertThat(half.out()).as("never half a file").isEmpty();
        assertThat(half.err()).contains("refused: MALFORMED");

        Path hostile = dir.resolve("hostile.xml");
        Files.writeString(hostile, "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document>&x;</Document>");
        Run attack = run(hostile.toString());
        assertThat(attack.status()).isEqualTo(1);
        assertThat(attack.out()).isEmpty();
        assertThat(attack.err()).contains("refused: DOCTYPE_FORBIDDEN").doesNotContain("root:");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run().status()).isEqualTo(2);
        assertThat(run(dir.resolve("missing.xml").toString()).err()).contains("no such file");
        assertThat(run("a.xml", "b.xml").status()).isEqualTo(2);
    }

    @Test
    void itIsFoundByTheCommandLineWithoutStartingTheApplication() {
        Cli.Match match = Cli.find(new String[] {"bank-statement", "parse", "x.xml"}).orElseThrow();
        assertThat(match.command()).isInstanceOf(BankStatementParseCommand.class);
        assertThat(match.command().needsApplication()).isFalse();
        assertThat(match.rest()).containsExactly("x.xml");
    }
}
