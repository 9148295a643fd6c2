package org.finbridge.credit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.finbridge.credit.internal.CrossValidation;
import org.finbridge.credit.internal.Table;
import org.finbridge.credit.internal.TableReader;

/**
 * Cross-validates the scorecard method and its gradient-boosted challenger on any labelled table (CSV or
 * ARFF), as {@code bin/finbridge credit evaluate} does: published accuracy on public data is how a
 * scoring method earns trust before it scores anyone.
 */
public final class ModelEvaluation {

    /** The mean and sample standard deviation of the out-of-fold AUC of each model. */
    public record Result(int rows, int features, double scorecardAuc, double scorecardSd, double gbdtAuc,
                         double gbdtSd) {
    }

    private ModelEvaluation() {
    }

    /**
     * @param positive the target value meaning the bad outcome, or null to detect it
     * @param out where progress and the summary are printed
     * @throws IllegalArgumentException for a file or arguments that cannot be evaluated, with the reason
     */
    public static Result evaluate(Path file, String target, String positive, int folds, int repeats, long seed,
                                  PrintStream out) throws IOException {
        TableReader.Result read = TableReader.read(file, target, positive);
        Table table = read.table();
        long numeric = table.columns().stream().filter(c -> c.kind() == Table.Kind.NUMERIC).count();
        out.printf(Locale.ROOT, "data: %s, %d rows, %d features (%d numeric, %d categorical)%n", file.getFileName(),
                table.rows(), table.columns().size(), numeric, table.columns().size() - numeric);
        out.printf(Locale.ROOT, "target: %s, bad outcome '%s' (%d rows, %.1f %%), good '%s'%n", read.target(),
                read.positive(), read.positiveCount(), 100.0 * read.positiveCount() / table.rows(), read.negative());
        for (String dropped : read.dropped()) {
            out.println("left out: " + dropped);
        }
        out.printf(Locale.ROOT, "cross-validation: %d folds x %d repeats, stratified, seed %d%n", folds, repeats, seed);
        CrossValidation.Summary summary = CrossValidation.run(table, folds, repeats, seed, fold ->
                out.printf(Locale.ROOT, "  repeat %d fold %d: scorecard AUC %.4f, gbdt AUC %.4f%n", fold.repeat(),
                        fold.fold(), fold.scorecardAuc(), fold.gbdtAuc()));
        out.printf(Locale.ROOT, "scorecard (WoE bins + logistic regression): AUC mean %.4f, sd %.4f%n",
                summary.scorecardMean(), summary.scorecardSd());
        out.printf(Locale.ROOT, "gbdt challenger (XGBoost):                  AUC mean %.4f, sd %.4f%n",
                summary.gbdtMean(), summary.gbdtSd());
        return new Result(table.rows(), table.columns().size(), summary.scorecardMean(), summary.scorecardSd(),
                summary.gbdtMean(), summary.gbdtSd());
    }
}
