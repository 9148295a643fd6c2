package org.finbridge.credit.internal;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Discrimination measures of a score against outcomes: the area under the ROC curve (the probability that
 * a random bad scores worse than a random good, ties counting half: the Mann–Whitney statistic), the Gini
 * coefficient (2·AUC − 1) and the Kolmogorov–Smirnov statistic (the largest gap between the cumulative
 * shares of bads and goods over the score).
 */
public final class Auc {

    private Auc() {
    }

    /** @param risk higher = more likely bad */
    public static double auc(double[] risk, boolean[] bad) {
        int n = risk.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> risk[i]));
        double rankSumBad = 0;
        long bads = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && risk[order[j + 1]] == risk[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (bad[order[k]]) {
                    rankSumBad += averageRank;
                    bads++;
                }
            }
            i = j + 1;
        }
        long goods = n - bads;
        if (bads == 0 || goods == 0) {
            throw new IllegalArgumentException("AUC needs both outcomes");
        }
        return (rankSumBad - bads * (bads + 1) / 2.0) / ((double) bads * goods);
    }

    public static double gini(double[] risk, boolean[] bad) {
        return 2 * auc(risk, bad) - 1;
    }

    public static double ks(double[] risk, boolean[] bad) {
        int n = risk.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> risk[i]));
        long bads = 0;
        for (boolean b : bad) {
            bads += b ? 1 : 0;
        }
        long goods = n - bads;
        double cumBad = 0;
        double cumGood = 0;
        double ks = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && risk[order[j + 1]] == risk[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                if (bad[order[k]]) {
                    cumBad++;
                } else {
                    cumGood++;
                }
            }
            ks = Math.max(ks, Math.abs(cumGood / goods - cumBad / bads));
            i = j + 1;
        }
        return ks;
    }
}
