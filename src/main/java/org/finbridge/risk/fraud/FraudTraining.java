package org.finbridge.risk.fraud;

import java.util.Locale;
import org.finbridge.risk.fraud.internal.Evaluation;
import org.finbridge.risk.fraud.internal.FraudTrainer;
import org.finbridge.risk.fraud.internal.ModelFile;
import org.finbridge.risk.fraud.internal.TransactionSimulator;

/**
 * Trains a fraud model from the transaction simulator, reproducibly: the same seed and size give the
 * same model file, byte for byte. {@code bin/finbridge risk train-fraud} runs it; the model shipped
 * with Finbridge is its output for the default seed.
 */
public final class FraudTraining {

    public static final long DEFAULT_SEED = 20261127L;
    public static final int DEFAULT_BUYERS = 20_000;

    private FraudTraining() {
    }

    /**
     * @param modelFile the model in the registry's text form (parameters, thresholds, evaluation report)
     * @param report a readable evaluation report, one line per figure
     */
    public record Trained(String version, String modelFile, String report, double auc, double recallAtOnePercentFpr,
                          double baselineAuc) {
    }

    public static Trained train(long seed, int buyers, String version) {
        if (buyers < 1_000 || buyers > 1_000_000) {
            throw new IllegalArgumentException("--buyers must be between 1,000 and 1,000,000");
        }
        var settings = new TransactionSimulator.Settings(seed, 30, buyers, Math.max(50, buyers / 50), 1_767_225_600_000L);
        FraudTrainer.Result r = FraudTrainer.train(settings, version);
        String source = String.format(Locale.ROOT, "simulator seed %d, %d buyers, %d merchants, %d days; held-out days 21-30",
                seed, buyers, settings.merchants(), settings.days());
        ModelFile file = ModelFile.of(r, source);
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "model %s: logistic regression (Tribuo SGD, AdaGrad, seed %d), %d training rows (%d fraud)%n",
                version, seed, r.trainRows(), r.trainFrauds()));
        report.append(String.format(Locale.ROOT, "held-out: %d attempts, %d fraudulent; AUC %.4f (baseline scorer %.4f)%n",
                r.test().attempts(), r.test().frauds(), r.test().auc(), r.baseline().auc()));
        for (Evaluation.OperatingPoint p : r.test().points()) {
            report.append(String.format(Locale.ROOT, "  FPR %5.1f %%: recall %6.2f %%, precision %6.2f %%%n",
                    100 * p.falsePositiveRate(), 100 * p.recall(), 100 * p.precision()));
        }
        return new Trained(version, file.toText(), report.toString(), r.test().auc(), r.test().at(0.01).recall(), r.baseline().auc());
    }
}
