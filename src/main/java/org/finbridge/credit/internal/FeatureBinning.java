package org.finbridge.credit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weight-of-evidence bins of one feature, learnt from training data.
 *
 * <p>Weight of evidence of a bin = ln(share of all goods in the bin / share of all bads in the bin), with
 * half a count added to each side so that a bin without bads (or goods) gets a large but finite weight.
 * A positive weight means better than average. Information value = Σ (share of goods − share of bads) ×
 * WoE measures how much the feature separates goods from bads.
 *
 * <p>Numeric features are binned with a <b>monotonic constraint</b>: fine quantile bins are merged (pool
 * adjacent violators) until the bad rate only rises or only falls with the value, in whichever direction
 * separates better. A scorecard then never rewards, say, a higher chargeback rate in one range and
 * punishes it in the next, which is what makes its points explainable. Categorical features get a bin per
 * category, rare categories pooled into one "other" bin that also takes categories never seen in training.
 * A missing value is a bin of its own when it is common enough, otherwise it weighs zero (the average).
 */
public final class FeatureBinning {

    /** Fine bins before merging: 20 quantiles, none smaller than 5 % of the rows. */
    static final int FINE_BINS = 20;
    static final double MIN_BIN_SHARE = 0.05;
    /** A category below 2 % of the rows (and at least 10 rows) is pooled into "other". */
    static final double MIN_CATEGORY_SHARE = 0.02;
    static final int MIN_CATEGORY_ROWS = 10;
    /** Missing values form their own bin only with at least 1 % of the rows (and 10 rows). */
    static final double MIN_MISSING_SHARE = 0.01;

    public static final String OTHER = "(other)";
    public static final String MISSING = "(missing)";

    private final String name;
    private final Table.Kind kind;
    private final double[] cuts;
    private final Map<String, Integer> categoryBins;
    private final int otherBin;
    private final double[] woe;
    private final double missingWoe;
    private final String[] labels;
    private final double informationValue;
    /** +1 when the bad rate rises with the value, −1 when it falls, 0 for categorical features. */
    private final int direction;

    FeatureBinning(String name, Table.Kind kind, double[] cuts, Map<String, Integer> categoryBins, int otherBin,
                   double[] woe, double missingWoe, String[] labels, double informationValue, int direction) {
        this.name = name;
        this.kind = kind;
        this.cuts = cuts;
        this.categoryBins = categoryBins;
        this.otherBin = otherBin;
        this.woe = woe;
        this.missingWoe = missingWoe;
        this.labels = labels;
        this.informationValue = informationValue;
        this.direction = direction;
    }

    public String name() {
        return name;
    }

    public Table.Kind kind() {
        return kind;
    }

    public double informationValue() {
        return informationValue;
    }

    public int direction() {
        return direction;
    }

    public int bins() {
        return woe.length;
    }

    public double[] cuts() {
        return cuts == null ? null : cuts.clone();
    }

    public Map<String, Integer> categoryBins() {
        return categoryBins == null ? null : Map.copyOf(categoryBins);
    }

    public int otherBin() {
        return otherBin;
    }

    /** The weight of a bin; bin −1 is the missing value. */
    public double woe(int bin) {
        return bin < 0 ? missingWoe : woe[bin];
    }

    public double missingWoe() {
        return missingWoe;
    }

    public String label(int bin) {
        return bin < 0 ? MISSING : labels[bin];
    }

    /** The bin of a numeric value, −1 when missing (NaN). */
    public int bin(double value) {
        if (Double.isNaN(value)) {
            return -1;
        }
        int lo = 0;
        int hi = cuts.length;
        // the first cut at or above the value; beyond the last cut is the last bin
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (value <= cuts[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The bin of a category, −1 when missing (null); an unknown category falls into "other". */
    public int bin(String category) {
        if (category == null) {
            return -1;
        }
        Integer bin = categoryBins.get(category);
        return bin != null ? bin : otherBin;
    }

    public int bin(Object value) {
        if (kind == Table.Kind.NUMERIC) {
            return bin(value == null ? Double.NaN : ((Number) value).doubleValue());
        }
        return bin((String) value);
    }

    int bin(Table.Column column, int row) {
        return kind == Table.Kind.NUMERIC ? bin(column.numbers()[row]) : bin(column.categories()[row]);
    }

    /** Learns the bins of a column from its rows and their outcomes. */
    public static FeatureBinning fit(Table.Column column, boolean[] bad) {
        return column.kind() == Table.Kind.NUMERIC ? numeric(column, bad) : categorical(column, bad);
    }

    private static FeatureBinning numeric(Table.Column column, boolean[] bad) {
        int n = bad.length;
        int totalBad = 0;
        List<double[]> present = new ArrayList<>();
        int missingGood = 0;
        int missingBad = 0;
        for (int r = 0; r < n; r++) {
            totalBad += bad[r] ? 1 : 0;
            double v = column.numbers()[r];
            if (Double.isNaN(v)) {
                if (bad[r]) {
                    missingBad++;
                } else {
                    missingGood++;
                }
            } else {
                present.add(new double[] {v, bad[r] ? 1 : 0});
            }
        }
        int totalGood = n - totalBad;
        present.sort((a, b) -> Double.compare(a[0], b[0]));
        // fine bins: close a bin once it holds its share of rows, only where the value changes
        int minRows = Math.max(1, (int) Math.ceil(present.size() * Math.max(1.0 / FINE_BINS, MIN_BIN_SHARE)));
        List<Block> fine = new ArrayList<>();
        Block current = new Block();
        for (int i = 0; i < present.size(); i++) {
            double[] p = present.get(i);
            current.add(p[1] > 0);
            current.upper = p[0];
            boolean valueChanges = i + 1 == present.size() || present.get(i + 1)[0] != p[0];
            if (valueChanges && current.rows() >= minRows && present.size() - i - 1 >= minRows) {
                fine.add(current);
                current = new Block();
            }
        }
        if (current.rows() > 0) {
            fine.add(current);
        }
        List<Block> rising = monotone(fine, +1);
        List<Block> falling = monotone(fine, -1);
        double ivRising = iv(rising, totalGood, totalBad);
        double ivFalling = iv(falling, totalGood, totalBad);
        List<Block> blocks = ivRising >= ivFalling ? rising : falling;
        int direction = blocks.size() <= 1 ? 0 : ivRising >= ivFalling ? 1 : -1;
        double[] cuts = new double[blocks.size() - 1];
        double[] woe = new double[blocks.size()];
        String[] labels = new String[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            woe[b] = woe(blocks.get(b).good, blocks.get(b).bad, totalGood, totalBad);
            if (b < cuts.length) {
                // cut halfway to the next bin's smallest value would need it; the bin's largest value is exact
                cuts[b] = blocks.get(b).upper;
            }
            String lower = b == 0 ? "-inf" : format(cuts[b - 1]);
            String upper = b == cuts.length ? "+inf" : format(cuts[b]);
            labels[b] = "(" + lower + ", " + upper + "]";
        }
        double missingWoe = missingWoe(missingGood, missingBad, totalGood, totalBad, n);
        double iv = iv(blocks, totalGood, totalBad) + (missingWoe == 0 ? 0
                : ((double) missingGood / totalGood - (double) missingBad / totalBad) * missingWoe);
        return new FeatureBinning(column.name(), Table.Kind.NUMERIC, cuts, null, -1, woe, missingWoe, labels, iv, direction);
    }

    private static FeatureBinning categorical(Table.Column column, boolean[] bad) {
        int n = bad.length;
        int totalBad = 0;
        Map<String, Block> byCategory = new LinkedHashMap<>();
        int missingGood = 0;
        int missingBad = 0;
        for (int r = 0; r < n; r++) {
            totalBad += bad[r] ? 1 : 0;
            String c = column.categories()[r];
            if (c == null) {
                if (bad[r]) {
                    missingBad++;
                } else {
                    missingGood++;
                }
            } else {
                byCategory.computeIfAbsent(c, k -> new Block()).add(bad[r]);
            }
        }
        int totalGood = n - totalBad;
        int minRows = Math.max(MIN_CATEGORY_ROWS, (int) Math.ceil(n * MIN_CATEGORY_SHARE));
        Map<String, Integer> bins = new HashMap<>();
        List<Block> blocks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Block other = new Block();
        List<String> sorted = new ArrayList<>(byCategory.keySet());
        sorted.sort(null);
        for (String c : sorted) {
            Block b = byCategory.get(c);
            if (b.rows() >= minRows) {
                bins.put(c, blocks.size());
                blocks.add(b);
                labels.add(c);
            } else {
                other.merge(b);
            }
        }
        int otherBin = blocks.size();
        blocks.add(other);
        labels.add(OTHER);
        double[] woe = new double[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            // a small "other" pool says little: weigh it as the average unless it is a real bin
            woe[b] = block.rows() >= minRows ? woe(block.good, block.bad, totalGood, totalBad) : 0;
        }
        for (String c : sorted) {
            if (!bins.containsKey(c)) {
                bins.put(c, otherBin);
            }
        }
        double missingWoe = missingWoe(missingGood, missingBad, totalGood, totalBad, n);
        double iv = 0;
        for (int b = 0; b < blocks.size(); b++) {
            iv += ((double) blocks.get(b).good / totalGood - (double) blocks.get(b).bad / totalBad) * woe[b];
        }
        iv += ((double) missingGood / totalGood - (double) missingBad / totalBad) * missingWoe;
        return new FeatureBinning(column.name(), Table.Kind.CATEGORICAL, null, bins, otherBin, woe, missingWoe,
                labels.toArray(String[]::new), iv, 0);
    }

    private static double missingWoe(int good, int bad, int totalGood, int totalBad, int n) {
        int rows = good + bad;
        if (rows < Math.max(MIN_CATEGORY_ROWS, n * MIN_MISSING_SHARE)) {
            return 0;
        }
        return woe(good, bad, totalGood, totalBad);
    }

    static double woe(int good, int bad, int totalGood, int totalBad) {
        return Math.log(((good + 0.5) / (totalGood + 0.5)) / ((bad + 0.5) / (totalBad + 0.5)));
    }

    private static double iv(List<Block> blocks, int totalGood, int totalBad) {
        double iv = 0;
        for (Block b : blocks) {
            iv += ((double) b.good / totalGood - (double) b.bad / totalBad) * woe(b.good, b.bad, totalGood, totalBad);
        }
        return iv;
    }

    /**
     * Pool adjacent violators: merges neighbouring bins until the bad rate is non-decreasing in the
     * direction given (+1: rises with the value; −1: falls), and equal rates share one bin.
     */
    static List<Block> monotone(List<Block> fine, int direction) {
        List<Block> stack = new ArrayList<>();
        for (Block b : fine) {
            Block merged = b.copy();
            while (!stack.isEmpty() && direction * (stack.getLast().rate() - merged.rate()) >= 0) {
                Block last = stack.removeLast();
                last.merge(merged);
                merged = last;
            }
            stack.add(merged);
        }
        return stack;
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /** Counts of a run of adjacent fine bins. */
    static final class Block {
        int good;
        int bad;
        double upper = Double.NEGATIVE_INFINITY;

        void add(boolean isBad) {
            if (isBad) {
                bad++;
            } else {
                good++;
            }
        }

        void merge(Block next) {
            good += next.good;
            bad += next.bad;
            upper = Math.max(upper, next.upper);
        }

        int rows() {
            return good + bad;
        }

        double rate() {
            return rows() == 0 ? 0 : (double) bad / rows();
        }

        Block copy() {
            Block b = new Block();
            b.good = good;
            b.bad = bad;
            b.upper = upper;
            return b;
        }
    }

    @Override
    public String toString() {
        return name + " " + kind + " iv=" + String.format(java.util.Locale.ROOT, "%.3f", informationValue)
                + " bins=" + Arrays.toString(labels);
    }
}
