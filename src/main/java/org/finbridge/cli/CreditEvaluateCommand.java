package org.finbridge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.finbridge.credit.ModelEvaluation;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge credit evaluate --data <csv or arff> --target <column> [--positive <value>]
 * [--folds 5] [--repeats 2] [--seed 7]}: cross-validates the scorecard and the gradient-boosted challenger
 * on a labelled table and ends with {@code RESULT scorecard_auc=<x> gbdt_auc=<x>}.
 */
public final class CreditEvaluateCommand implements Command {

    private static final String USAGE = "usage: bin/finbridge credit evaluate --data <csv or arff file> --target <column>"
            + " [--positive <value>] [--folds 5] [--repeats 2] [--seed 7]";

    @Override
    public String name() {
        return "credit evaluate";
    }

    @Override
    public String summary() {
        return "cross-validate the scorecard and the gbdt challenger on a labelled CSV/ARFF table";
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) throws IOException {
        String data = null;
        String target = null;
        String positive = null;
        int folds = 5;
        int repeats = 2;
        long seed = 7;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                return usageError(err, option + " needs a value");
            }
            String value = args.get(++i);
            try {
                switch (option) {
                    case "--data" -> data = value;
                    case "--target" -> target = value;
                    case "--positive" -> positive = value;
                    case "--folds" -> folds = Integer.parseInt(value);
                    case "--repeats" -> repeats = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> {
                        return usageError(err, "unknown option " + option);
                    }
                }
            } catch (NumberFormatException e) {
                return usageError(err, option + " must be a whole number, not '" + value + "'");
            }
        }
        if (data == null || target == null) {
            return usageError(err, data == null ? "--data is required" : "--target is required");
        }
        if (folds < 2 || folds > 20) {
            return usageError(err, "--folds must be between 2 and 20");
        }
        if (repeats < 1 || repeats > 20) {
            return usageError(err, "--repeats must be between 1 and 20");
        }
        Path file = Path.of(data);
        if (!Files.isRegularFile(file)) {
            return usageError(err, "no such file: " + data);
        }
        ModelEvaluation.Result result;
        try {
            result = ModelEvaluation.evaluate(file, target, positive, folds, repeats, seed, out);
        } catch (IllegalArgumentException e) {
            err.println("bin/finbridge credit evaluate: " + e.getMessage());
            return 2;
        }
        out.printf(Locale.ROOT, "RESULT scorecard_auc=%.4f gbdt_auc=%.4f%n", result.scorecardAuc(), result.gbdtAuc());
        return 0;
    }

    private static int usageError(PrintStream err, String message) {
        err.println("bin/finbridge credit evaluate: " + message);
        err.println(USAGE);
        return 2;
    }
}
