package org.finbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.finbridge.credit.internal.SyntheticCredit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreditEvaluateCommandTest {

    static final Pattern RESULT = Pattern.compile("RESULT scorecard_auc=([0-9.]+) gbdt_auc=([0-9.]+)");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
        double scorecard() {
            return group(1);
        }

        double gbdt() {
            return group(2);
        }

        private double group(int g) {
            List<String> lines = out.lines().toList();
            Matcher m = RESULT.matcher(lines.getLast());
            assertThat(m.matches()).as(out).isTrue();
            return Double.parseDouble(m.group(g));
        }
    }

    Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CreditEvaluateCommand().run(List.of(args), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void germanCreditReachesThePublishedAccuracy() throws Exception {
        Run run = run("--data", "src/test/resources/credit/credit-g.arff", "--target", "class");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("1000 rows, 20 features (7 numeric, 13 categorical)")
                .contains("bad outcome 'bad' (300 rows")
                .contains("5 folds x 2 repeats");
        assertThat(run.scorecard()).isGreaterThanOrEqualTo(0.77);
        assertThat(run.gbdt()).isGreaterThanOrEqualTo(0.78);
    }

    @Test
    void anotherTableOfAnotherShapeWorksWithoutChanges() throws Exception {
        Path file = dir.resolve("synthetic.csv");
        Files.writeString(file, SyntheticCredit.csv(4000, 11));
        Run run = run("--data", file.toString(), "--target", "defaulted", "--folds", "3", "--repeats", "1");
        assertThat(run.status()).as(run.err()).isZero();
        // the identifier is left out, NA is missing, 0/1 picks 1 as the bad outcome
        assertThat(run.out()).contains("left out: customer_id").contains("bad outcome '1'")
                .contains("6 features (4 numeric, 2 categorical)");
        assertThat(run.scorecard()).isGreaterThan(0.7);
        assertThat(run.gbdt()).isGreaterThan(0.7);
    }

    @Test
    void thePositiveValueCanBeNamed() throws Exception {
        Run run = run("--data", "src/test/resources/credit/credit-g.arff", "--target", "class", "--positive", "good",
                "--folds", "2", "--repeats", "1");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("bad outcome 'good' (700 rows");
        // the models predict whichever outcome is named; the ranking quality is the same
        assertThat(run.scorecard()).isGreaterThan(0.7);
    }

    @Test
    void badInputIsAClearUsageError() throws Exception {
        Run noTarget = run("--data", "src/test/resources/credit/credit-g.arff", "--target", "nope");
        assertThat(noTarget.status()).isEqualTo(2);
        assertThat(noTarget.err()).contains("no column named 'nope'").contains("checking_status");
        assertThat(noTarget.out()).isEmpty();

        Run multiClass = run("--data", "src/test/resources/credit/credit-g.arff", "--target", "purpose");
        assertThat(multiClass.status()).isEqualTo(2);
        assertThat(multiClass.err()).contains("must have exactly two values");

        Run wrongPositive = run("--data", "src/test/resources/credit/credit-g.arff", "--target", "class", "--positive", "x");
        assertThat(wrongPositive.status()).isEqualTo(2);
        assertThat(wrongPositive.err()).contains("has no value 'x'");

        assertThat(run("--data", dir.resolve("missing.csv").toString(), "--target", "y").err()).contains("no such file");
        assertThat(run("--target", "class").err()).contains("--data is required");
        assertThat(run("--data", "x.csv", "--target", "class", "--folds", "one").err()).contains("--folds must be a whole number");
        assertThat(run("--data", "x.csv", "--target", "class", "--folds", "1").status()).isEqualTo(2);

        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "a,b,y\n1,2,0\n3,1\n");
        Run raggedRun = run("--data", ragged.toString(), "--target", "y");
        assertThat(raggedRun.status()).isEqualTo(2);
        assertThat(raggedRun.err()).contains("has 2 fields, the header 3");
    }
}
