package org.finbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SanctionsScreenCommandTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new SanctionsScreenCommand().run(List.of(args), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path ofac() throws Exception {
        Path sdn = dir.resolve("sdn.csv");
        try (InputStream in = getClass().getResourceAsStream("/reference/sanctions/ofac-sdn-2024-05-03/sdn.csv")) {
            Files.write(sdn, in.readAllBytes());
        }
        return sdn;
    }

    @Test
    void printsTheBestHitPerNameOrEmptyFields() throws Exception {
        Path names = Files.writeString(dir.resolve("names.txt"), "\uFEFFBanco Nacional de Cuba\nAl Zawahiri, Ayman\n\nJane Q. Nobody\n");
        Run r = run("--list", ofac().toString(), "--format", "ofac", "--names", names.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "Banco Nacional de Cuba,306,BANCO NACIONAL DE CUBA,1.0000",
                "\"Al Zawahiri, Ayman\",2676,\"AL ZAWAHIRI, Dr. Ayman\",1.0000",
                "Jane Q. Nobody,,,");
        assertThat(r.err()).contains("14965 entries");
    }

    @Test
    void aGenericCsvListAndAThreshold() throws Exception {
        Path list = Files.writeString(dir.resolve("list.csv"), "id,name,type\nW-1,\"Quarrington, Zebulon\",individual\n");
        Path names = Files.writeString(dir.resolve("names.txt"), "Zebulon Quarington\n");
        assertThat(run("--list", list.toString(), "--format", "csv", "--names", names.toString()).out())
                .startsWith("Zebulon Quarington,W-1,\"Quarrington, Zebulon\",0.9");
        assertThat(run("--list", list.toString(), "--format", "csv", "--names", names.toString(), "--threshold", "0.99").out())
                .isEqualTo("Zebulon Quarington,,," + System.lineSeparator());
    }

    @Test
    void usageErrorsAndUnreadableListsExitWithTwo() throws Exception {
        Path names = Files.writeString(dir.resolve("names.txt"), "x\n");
        assertThat(run("--list", "x.csv", "--format", "ofac").status()).isEqualTo(2);
        assertThat(run("--list", "x.csv", "--format", "pdf", "--names", names.toString()).err()).contains("unknown format");
        assertThat(run("--list", dir.resolve("missing.csv").toString(), "--format", "ofac", "--names", names.toString()).err())
                .contains("no such file");
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>");
        Run r = run("--list", broken.toString(), "--format", "un", "--names", names.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("the list cannot be read").contains("not well-formed XML");
    }
}
