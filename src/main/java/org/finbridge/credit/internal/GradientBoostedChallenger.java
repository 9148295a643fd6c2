package org.finbridge.credit.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The challenger: gradient-boosted trees (XGBoost through Tribuo). Numeric columns are features as they
 * are, a missing value is left out (XGBoost learns the best side for missing values); categorical
 * columns are one-hot features {@code name=value}.
 *
 * <p>The settings are the common conservative defaults for tabular credit data, the same for every
 * table: shallow trees (depth 3), a small learning rate (0.05) with 300 rounds, row and column
 * subsampling of 0.8, L2 regularisation 1. Nothing here is fitted to one data set.
 */
public final class GradientBoostedChallenger {

    static final String BAD = "bad";
    static final String GOOD = "good";
    private static final String BIAS = "(bias)";
    /** A fixed provenance time: a data set's provenance must not read the clock. */
    private static final OffsetDateTime PROVENANCE_TIME = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final Model<Label> model;

    private GradientBoostedChallenger(Model<Label> model) {
        this.model = model;
    }

    public static GradientBoostedChallenger train(Table table, long seed) {
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("credit table", PROVENANCE_TIME, new LabelFactory()), new LabelFactory());
        for (int r = 0; r < table.rows(); r++) {
            data.add(example(table, r, new Label(table.bad(r) ? BAD : GOOD)));
        }
        // OpenMP threads spin while they wait: on a small table and a busy machine one thread is faster
        int threads = table.rows() < 20_000 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
                XGBoostTrainer.TreeMethod.HIST, 300, 0.05, 0, 3, 1, 0.8, 0.8, 1, 0, threads,
                XGBoostTrainer.LoggingVerbosity.SILENT, seed);
        return new GradientBoostedChallenger(trainer.train(data));
    }

    /** The probability of the bad outcome for every row of a table. */
    public double[] probabilityBad(Table table) {
        List<Example<Label>> examples = new ArrayList<>(table.rows());
        for (int r = 0; r < table.rows(); r++) {
            examples.add(example(table, r, LabelFactory.UNKNOWN_LABEL));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] result = new double[table.rows()];
        for (int r = 0; r < result.length; r++) {
            Label bad = predictions.get(r).getOutputScores().get(BAD);
            result[r] = bad == null ? 0 : bad.getScore();
        }
        return result;
    }

    private static Example<Label> example(Table table, int row, Label label) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        names.add(BIAS);
        values.add(1.0);
        for (Table.Column c : table.columns()) {
            if (c.missing(row)) {
                continue;
            }
            if (c.kind() == Table.Kind.NUMERIC) {
                names.add(c.name());
                values.add(c.numbers()[row]);
            } else {
                names.add(c.name() + "=" + c.categories()[row]);
                values.add(1.0);
            }
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return new ArrayExample<>(label, names.toArray(String[]::new), v);
    }
}
