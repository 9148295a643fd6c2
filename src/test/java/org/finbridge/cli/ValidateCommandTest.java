package org.finbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ValidateCommand(CLOCK).run(List.of(args), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aValidValuePrintsValidAndExitsZero() throws Exception {
        assertThat(run("iban", "DE89370400440532013000")).isEqualTo(new Run(0, "valid" + System.lineSeparator(), ""));
        assertThat(run("bic", "DEUTDEFF").status()).isZero();
        assertThat(run("uscc", "91350100M000100Y43").status()).isZero();
        assertThat(run("cn-resident-id", "11010519491231002X").status()).isZero();
        assertThat(run("cnaps", "102100099996").status()).isZero();
    }

    @Test
    void anIbanInPaperFormatMayArriveAsSeveralWords() throws Exception {
        assertThat(run("iban", "DE89", "3704", "0044", "0532", "0130", "00").status()).isZero();
    }

    @Test
    void anInvalidValuePrintsTheReasonAndExitsOne() throws Exception {
        assertThat(run("iban", "DE89370400440532013001"))
                .isEqualTo(new Run(1, "invalid: check digits do not match" + System.lineSeparator(), ""));
        assertThat(run("bic", "DEUTXXFF").out()).isEqualTo("invalid: unknown country code XX" + System.lineSeparator());
    }

    @Test
    void aFileIsCheckedLineByLine() throws Exception {
        Path file = dir.resolve("ibans.txt");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String lines = "DE89370400440532013000\r\n"
                + "  GB82WEST12345698765432 \r\n"
                + "\r\n"
                + "DE89370400440532013001\r\n"
                + "DE89,3704\r\n"
                + "XX89370400440532013000\n"
                + "   \n"
                + "nl91abna0417164300";
        Files.write(file, concat(bom, lines.getBytes(StandardCharsets.UTF_8)));

        Run run = run("iban", "--file", file.toString());

        assertThat(run.out().lines().toList()).containsExactly(
                "DE89370400440532013000,valid",
                "GB82WEST12345698765432,valid",
                "DE89370400440532013001,invalid,check digits do not match",
                "\"DE89,3704\",invalid,invalid character U+002C at position 5",
                "XX89370400440532013000,invalid,unknown country code XX",
                "nl91abna0417164300,valid");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aFileOfValidValuesExitsZero() throws Exception {
        Path file = dir.resolve("ids.txt");
        Files.writeString(file, "11010519491231002X\n11010519491231002x\n");
        Run run = run("cn-resident-id", "--file", file.toString());
        assertThat(run.out().lines().toList())
                .containsExactly("11010519491231002X,valid", "11010519491231002x,valid");
        assertThat(run.status()).isZero();
    }

    @Test
    void usageErrorsExitTwoWithAMessage() throws Exception {
        Run unknownKind = run("vat", "DE123456789");
        assertThat(unknownKind.status()).isEqualTo(2);
        assertThat(unknownKind.out()).isEmpty();
        assertThat(unknownKind.err()).contains("unknown kind 'vat'").contains("iban bic uscc cn-resident-id cnaps");

        Run missingFile = run("iban", "--file", dir.resolve("absent.txt").toString());
        assertThat(missingFile.status()).isEqualTo(2);
        assertThat(missingFile.err()).contains("no such file");

        assertThat(run("iban").status()).isEqualTo(2);
        assertThat(run().status()).isEqualTo(2);
        assertThat(run("iban", "--file").status()).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotUtf8IsAUsageError() throws Exception {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'D', 'E', (byte) 0xE9, '\n'});
        Run run = run("iban", "--file", file.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("is not UTF-8 text");
    }

    @Test
    void theCommandIsRegistered() {
        assertThat(Cli.commands()).anySatisfy(c -> assertThat(c).isInstanceOf(ValidateCommand.class));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
