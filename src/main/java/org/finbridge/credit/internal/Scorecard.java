package org.finbridge.credit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.finbridge.credit.ReasonCode;

/**
 * A credit scorecard: per feature, weight-of-evidence bins worth a number of points; the score is the sum.
 *
 * <p>Training: every feature is binned ({@link FeatureBinning}); features with an information value below
 * 0.02 are left out (conventionally "not predictive"); a logistic regression of the good outcome on the
 * bins' weights of evidence gives one coefficient per feature. A coefficient must be positive, since a
 * bin's weight already points the right way; a negative one only arises from correlated features, so that
 * feature is removed and the regression refitted.
 *
 * <p>Scaling (the points-to-double-odds method): score = offset + factor × ln(odds good:bad), with
 * factor = PDO / ln 2 and offset = base − factor × ln(base odds). With 600 points at 50:1 and 20 points to
 * double the odds, 620 points mean 100:1 and 580 mean 25:1. Each bin's points are factor × coefficient ×
 * WoE; the intercept's points go to the base.
 *
 * <p>Reason codes: for each feature, the points the subject's bin earns below the feature's best bin; the
 * features that cost most, largest first.
 */
public final class Scorecard {

    public static final double BASE_POINTS = 600;
    public static final double BASE_ODDS = 50;
    public static final double POINTS_TO_DOUBLE_ODDS = 20;
    static final double FACTOR = POINTS_TO_DOUBLE_ODDS / Math.log(2);
    static final double OFFSET = BASE_POINTS - FACTOR * Math.log(BASE_ODDS);
    static final double MIN_INFORMATION_VALUE = 0.02;
    static final double RIDGE = 1.0;
    public static final int MAX_REASONS = 4;

    private final List<FeatureBinning> features;
    private final double intercept;
    private final double[] coefficients;
    /** points[j][bin], with the missing bin's points kept apart. */
    private final double[][] points;
    private final double[] missingPoints;
    private final double[] bestPoints;
    private final double basePoints;
    /** Reason code per feature, computed once: scoring a million merchants should not run a regex each time. */
    private final String[] codes;

    Scorecard(List<FeatureBinning> features, double intercept, double[] coefficients) {
        this.features = List.copyOf(features);
        this.intercept = intercept;
        this.coefficients = coefficients.clone();
        this.points = new double[features.size()][];
        this.missingPoints = new double[features.size()];
        this.bestPoints = new double[features.size()];
        for (int j = 0; j < features.size(); j++) {
            FeatureBinning f = features.get(j);
            points[j] = new double[f.bins()];
            double best = FACTOR * coefficients[j] * f.missingWoe();
            missingPoints[j] = best;
            for (int b = 0; b < f.bins(); b++) {
                points[j][b] = FACTOR * coefficients[j] * f.woe(b);
                best = Math.max(best, points[j][b]);
            }
            bestPoints[j] = best;
        }
        this.basePoints = OFFSET + FACTOR * intercept;
        this.codes = new String[features.size()];
        for (int j = 0; j < codes.length; j++) {
            codes[j] = "R-" + features.get(j).name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        }
    }

    /** Trains a scorecard on a table (its outcome: true = bad). */
    public static Scorecard train(Table table) {
        boolean[] bad = table.outcomes();
        if (table.badCount() == 0 || table.badCount() == table.rows()) {
            throw new IllegalArgumentException("training needs both outcomes");
        }
        List<FeatureBinning> candidates = new ArrayList<>();
        List<Table.Column> columns = new ArrayList<>();
        for (Table.Column column : table.columns()) {
            FeatureBinning binning = FeatureBinning.fit(column, bad);
            if (binning.informationValue() >= MIN_INFORMATION_VALUE) {
                candidates.add(binning);
                columns.add(column);
            }
        }
        boolean[] good = new boolean[bad.length];
        for (int i = 0; i < bad.length; i++) {
            good[i] = !bad[i];
        }
        while (true) {
            double[][] x = new double[table.rows()][candidates.size()];
            for (int j = 0; j < candidates.size(); j++) {
                FeatureBinning f = candidates.get(j);
                Table.Column column = columns.get(j);
                for (int r = 0; r < table.rows(); r++) {
                    x[r][j] = f.woe(f.bin(column, r));
                }
            }
            double[] beta = LogisticRegression.fit(x, good, RIDGE);
            int worst = -1;
            for (int j = 0; j < candidates.size(); j++) {
                if (beta[j + 1] <= 0 && (worst < 0 || beta[j + 1] < beta[worst + 1])) {
                    worst = j;
                }
            }
            if (worst < 0) {
                double[] coefficients = new double[candidates.size()];
                System.arraycopy(beta, 1, coefficients, 0, coefficients.length);
                return new Scorecard(candidates, beta[0], coefficients);
            }
            candidates.remove(worst);
            columns.remove(worst);
        }
    }

    public List<FeatureBinning> features() {
        return features;
    }

    public double intercept() {
        return intercept;
    }

    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The bins of one row for each of the scorecard's features, looked up by column name. */
    public int[] bins(Map<String, Object> row) {
        int[] bins = new int[features.size()];
        for (int j = 0; j < features.size(); j++) {
            bins[j] = features.get(j).bin(row.get(features.get(j).name()));
        }
        return bins;
    }

    /** The score's points of the given bins (unrounded). */
    public double points(int[] bins) {
        double total = basePoints;
        for (int j = 0; j < bins.length; j++) {
            total += bins[j] < 0 ? missingPoints[j] : points[j][bins[j]];
        }
        return total;
    }

    /** Probability of the bad outcome at the given points: the inverse of the scaling. */
    public static double probabilityBad(double points) {
        double logOddsGood = (points - OFFSET) / FACTOR;
        return 1 / (1 + Math.exp(logOddsGood));
    }

    /** Scores every row of a table, as the probability of the bad outcome. */
    public double[] probabilityBad(Table table) {
        List<Table.Column> columns = new ArrayList<>();
        for (FeatureBinning f : features) {
            columns.add(table.columns().stream().filter(c -> c.name().equals(f.name())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the table has no column " + f.name())));
        }
        double[] result = new double[table.rows()];
        int[] bins = new int[features.size()];
        for (int r = 0; r < table.rows(); r++) {
            for (int j = 0; j < features.size(); j++) {
                bins[j] = features.get(j).bin(columns.get(j), r);
            }
            result[r] = probabilityBad(points(bins));
        }
        return result;
    }

    /** The points each feature cost against its best bin, for the features that cost most. */
    public List<ReasonCode> reasons(int[] bins, Object[] values, int limit) {
        List<ReasonCode> reasons = new ArrayList<>();
        for (int j = 0; j < bins.length; j++) {
            double earned = bins[j] < 0 ? missingPoints[j] : points[j][bins[j]];
            int lost = (int) Math.round(bestPoints[j] - earned);
            if (lost > 0) {
                FeatureBinning f = features.get(j);
                String value = values == null || values[j] == null ? f.label(bins[j]) : display(values[j]);
                reasons.add(new ReasonCode(codes[j], f.name(), value, lost, describe(f, bins[j])));
            }
        }
        reasons.sort(Comparator.comparingInt(ReasonCode::pointsLost).reversed().thenComparing(ReasonCode::code));
        return reasons.size() > limit ? List.copyOf(reasons.subList(0, limit)) : reasons;
    }

    private static String describe(FeatureBinning f, int bin) {
        if (bin < 0) {
            return f.name() + " is not known";
        }
        if (f.kind() == Table.Kind.NUMERIC) {
            String way = f.direction() > 0 ? "too high" : f.direction() < 0 ? "too low" : "outside the best range";
            return f.name() + " " + way + " (in " + f.label(bin) + ")";
        }
        return f.name() + " is " + f.label(bin);
    }

    private static String display(Object value) {
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e12) {
                return Long.toString(d.longValue());
            }
            // four decimals are enough to show a rate; cheaper than a format string in the hot path
            return Double.toString(Math.round(d * 10_000) / 10_000.0);
        }
        return String.valueOf(value);
    }

    /** The points of every bin, for the model's documentation: feature, bin, WoE, points. */
    public List<String> describeBins() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "base points %.1f", basePoints));
        for (int j = 0; j < features.size(); j++) {
            FeatureBinning f = features.get(j);
            for (int b = 0; b < f.bins(); b++) {
                lines.add(String.format(Locale.ROOT, "%s %s woe=%.3f points=%.1f", f.name(), f.label(b), f.woe(b), points[j][b]));
            }
            lines.add(String.format(Locale.ROOT, "%s %s woe=%.3f points=%.1f", f.name(), FeatureBinning.MISSING,
                    f.missingWoe(), missingPoints[j]));
        }
        return lines;
    }
}
