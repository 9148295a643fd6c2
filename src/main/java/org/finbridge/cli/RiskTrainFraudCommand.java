package org.finbridge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.finbridge.risk.fraud.FraudTraining;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge risk train-fraud [--seed N] [--buyers N] [--version V] [--out file]} simulates
 * 30 days of payments with fraud (seeded), trains the logistic-regression fraud model with Tribuo,
 * evaluates it on the held-out last nine days, writes the model file (parameters, thresholds and
 * report) and prints the report, ending with a RESULT line. No database: register the file with
 * {@code risk register-fraud-model}. The model Finbridge ships is this command's output with the defaults.
 */
public final class RiskTrainFraudCommand implements Command {

    private static final String USAGE = "usage: bin/finbridge risk train-fraud [--seed N] [--buyers N] [--version V] [--out file]";
    private static final Set<String> OPTIONS = Set.of("--seed", "--buyers", "--version", "--out");

    @Override
    public String name() {
        return "risk train-fraud";
    }

    @Override
    public String summary() {
        return "train and evaluate the fraud model on the seeded simulator: [--seed N] [--buyers N] [--out file]";
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!OPTIONS.contains(args.get(i)) || i + 1 >= args.size()) {
                err.println("bin/finbridge risk train-fraud: unexpected argument '" + args.get(i) + "'");
                err.println(USAGE);
                return 2;
            }
            options.put(args.get(i), args.get(i + 1));
        }
        long seed;
        int buyers;
        try {
            seed = Long.parseLong(options.getOrDefault("--seed", String.valueOf(FraudTraining.DEFAULT_SEED)));
            buyers = Integer.parseInt(options.getOrDefault("--buyers", String.valueOf(FraudTraining.DEFAULT_BUYERS)));
        } catch (NumberFormatException e) {
            err.println("bin/finbridge risk train-fraud: --seed and --buyers are whole numbers");
            err.println(USAGE);
            return 2;
        }
        String version = options.getOrDefault("--version", "lr-" + seed + "-" + buyers);
        if (!version.matches("[A-Za-z0-9._-]{1,60}")) {
            err.println("bin/finbridge risk train-fraud: --version is 1 to 60 letters, digits, '.', '_' or '-'");
            return 2;
        }
        Path file = Path.of(options.getOrDefault("--out", "fraud-model-" + version + ".txt"));
        FraudTraining.Trained trained = FraudTraining.train(seed, buyers, version);
        Files.writeString(file, trained.modelFile(), StandardCharsets.UTF_8);
        out.print(trained.report());
        out.println("model file: " + file);
        out.printf(Locale.ROOT, "RESULT fraud_auc=%.4f fraud_recall_at_1pct_fpr=%.4f baseline_auc=%.4f version=%s%n",
                trained.auc(), trained.recallAtOnePercentFpr(), trained.baselineAuc(), version);
        return 0;
    }
}
