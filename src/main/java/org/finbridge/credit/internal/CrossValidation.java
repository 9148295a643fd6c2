package org.finbridge.credit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Repeated stratified k-fold cross-validation: each repeat shuffles the bads and the goods separately
 * and deals them round-robin into k folds, so every fold keeps the table's bad rate. Each model is
 * trained on k−1 folds and measured on the fold it never saw.
 */
public final class CrossValidation {

    public record FoldResult(int repeat, int fold, double scorecardAuc, double gbdtAuc) {
    }

    public record Summary(List<FoldResult> folds, double scorecardMean, double scorecardSd, double gbdtMean,
                          double gbdtSd) {
    }

    private CrossValidation() {
    }

    /** The fold of every row for one repeat. */
    static int[] stratifiedFolds(boolean[] bad, int k, long seed) {
        Random random = new Random(seed);
        int[] fold = new int[bad.length];
        int dealt = 0;
        for (boolean cls : new boolean[] {true, false}) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < bad.length; i++) {
                if (bad[i] == cls) {
                    rows.add(i);
                }
            }
            java.util.Collections.shuffle(rows, random);
            // continue dealing where the other class stopped, so fold sizes differ by at most one
            for (int i = 0; i < rows.size(); i++) {
                fold[rows.get(i)] = dealt++ % k;
            }
        }
        return fold;
    }

    public interface Progress {
        void fold(FoldResult result);
    }

    public static Summary run(Table table, int k, int repeats, long seed, Progress progress) {
        if (k < 2) {
            throw new IllegalArgumentException("--folds must be at least 2");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1");
        }
        int bads = table.badCount();
        if (bads < k || table.rows() - bads < k) {
            throw new IllegalArgumentException("each fold needs both outcomes: " + bads + " bad and "
                    + (table.rows() - bads) + " good rows for " + k + " folds");
        }
        List<FoldResult> results = new ArrayList<>();
        boolean[] outcomes = table.outcomes();
        for (int r = 0; r < repeats; r++) {
            int[] folds = stratifiedFolds(outcomes, k, seed + 1000L * r);
            for (int f = 0; f < k; f++) {
                int[] train = rows(folds, f, false);
                int[] test = rows(folds, f, true);
                Table trainTable = table.rows(train);
                Table testTable = table.rows(test);
                boolean[] testBad = testTable.outcomes();
                double scorecard = Auc.auc(Scorecard.train(trainTable).probabilityBad(testTable), testBad);
                double gbdt = Auc.auc(GradientBoostedChallenger.train(trainTable, seed + r * 31L + f)
                        .probabilityBad(testTable), testBad);
                FoldResult result = new FoldResult(r + 1, f + 1, scorecard, gbdt);
                results.add(result);
                if (progress != null) {
                    progress.fold(result);
                }
            }
        }
        double[] sc = results.stream().mapToDouble(FoldResult::scorecardAuc).toArray();
        double[] gb = results.stream().mapToDouble(FoldResult::gbdtAuc).toArray();
        return new Summary(results, mean(sc), sd(sc), mean(gb), sd(gb));
    }

    private static int[] rows(int[] folds, int fold, boolean in) {
        int count = 0;
        for (int f : folds) {
            count += (f == fold) == in ? 1 : 0;
        }
        int[] rows = new int[count];
        int j = 0;
        for (int i = 0; i < folds.length; i++) {
            if ((folds[i] == fold) == in) {
                rows[j++] = i;
            }
        }
        return rows;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The sample standard deviation (n − 1). */
    static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
