package org.finbridge.risk.fraud.internal;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the fraud model reproducibly: simulate (seeded), replay the attempts through a fresh feature
 * cache, split by time (a warm-up the model never sees, then training, validation, and held-out test
 * days), fit a logistic regression with Tribuo's SGD trainer (AdaGrad, fixed seed), set the decision
 * thresholds at fixed false-positive rates on the validation days, and report on the held-out days —
 * with a trivial baseline scorer (how unusual the amount is for the merchant) measured on the same rows.
 */
public final class FraudTrainer {

    static final Label FRAUD = new Label("fraud");
    static final Label LEGITIMATE = new Label("legitimate");
    private static final String[] NAMES = Feature.ALL.stream().map(Feature::code).toArray(String[]::new);

    /** Days 0-3 warm the cache; 3-18 train; 18-21 validate (thresholds); 21-30 test. */
    public record Split(double warmUpDays, double trainUntilDay, double validateUntilDay) {
        public static final Split STANDARD = new Split(3, 18, 21);
    }

    public record Result(LinearScorer scorer, LinearSGDModel tribuoModel, Evaluation.Report test,
                         Evaluation.Report baseline, int trainRows, int trainFrauds, List<Replay.Row> testRows,
                         long trainingSeed) {
    }

    private FraudTrainer() {
    }

    public static Result train(TransactionSimulator.Settings settings, String version) {
        List<TransactionSimulator.Simulated> attempts = new TransactionSimulator(settings).run();
        List<Replay.Row> rows = Replay.features(attempts, new FeatureCache());
        return train(rows, settings.startMillis(), Split.STANDARD, settings.seed(), version);
    }

    public static Result train(List<Replay.Row> rows, long startMillis, Split split, long seed, String version) {
        List<Replay.Row> train = new ArrayList<>();
        List<Replay.Row> validate = new ArrayList<>();
        List<Replay.Row> test = new ArrayList<>();
        for (Replay.Row r : rows) {
            double day = (r.transaction().atMillis() - startMillis) / (double) FeatureCache.DAY;
            if (day < split.warmUpDays()) {
                continue;
            }
            (day < split.trainUntilDay() ? train : day < split.validateUntilDay() ? validate : test).add(r);
        }
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("finbridge fraud simulator seed " + seed,
                new LabelFactory()), new LabelFactory());
        int frauds = 0;
        for (Replay.Row r : train) {
            data.add(example(r));
            frauds += r.fraud() ? 1 : 0;
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 8, Integer.MAX_VALUE, 1, seed);
        LinearSGDModel model = trainer.train(data);
        LinearScorer unthresholded = extract(model, version, 1, 1, 1);

        Evaluation.Report validation = Evaluation.of(scores(unthresholded, validate), labels(validate));
        LinearScorer scorer = new LinearScorer(version, unthresholded.weights(), unthresholded.bias(),
                validation.at(0.001).threshold(), validation.at(0.01).threshold(), validation.at(0.02).threshold());
        Evaluation.Report report = Evaluation.of(scores(scorer, test), labels(test));
        double[] baseline = new double[test.size()];
        for (int i = 0; i < baseline.length; i++) {
            baseline[i] = baselineScore(test.get(i).features());
        }
        Evaluation.Report baselineReport = Evaluation.of(baseline, labels(test));
        return new Result(scorer, model, report, baselineReport, train.size(), frauds, test, seed);
    }

    /** The trivial baseline: the larger the amount is for the merchant, the likelier fraud. */
    public static double baselineScore(double[] features) {
        return features[Feature.AMOUNT_VS_MERCHANT.index()];
    }

    static Example<Label> example(Replay.Row r) {
        return new ArrayExample<>(r.fraud() ? FRAUD : LEGITIMATE, NAMES, Feature.modelInput(r.features()));
    }

    /**
     * The Tribuo model's parameters as a {@link LinearScorer}: Tribuo's logistic regression is a two-way
     * softmax, so the log-odds of fraud are the difference of the two rows of its weight matrix (the last
     * column is the bias).
     */
    static LinearScorer extract(LinearSGDModel model, String version, double blockAt, double challengeAt, double reviewAt) {
        DenseMatrix w = model.getWeightsCopy();
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int fraud = outputs.getID(FRAUD);
        int legit = outputs.getID(LEGITIMATE);
        int biasColumn = features.size();
        double[] weights = new double[Feature.COUNT];
        for (Feature f : Feature.ALL) {
            int id = features.getID(f.code());
            weights[f.index()] = id < 0 ? 0 : w.get(fraud, id) - w.get(legit, id);
        }
        double bias = w.get(fraud, biasColumn) - w.get(legit, biasColumn);
        return new LinearScorer(version, weights, bias, blockAt, challengeAt, reviewAt);
    }

    private static double[] scores(LinearScorer s, List<Replay.Row> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.score(rows.get(i).features());
        }
        return out;
    }

    private static boolean[] labels(List<Replay.Row> rows) {
        boolean[] out = new boolean[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i).fraud();
        }
        return out;
    }
}
