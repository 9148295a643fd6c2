package org.finbridge.risk.fraud.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well scores separate fraud from legitimate attempts: ROC AUC (the probability that a random
 * fraud scores above a random legitimate attempt, ties counting half), and at fixed false-positive
 * rates the score threshold, the recall (share of fraud caught) and the precision (share of flagged
 * attempts that are fraud).
 */
public final class Evaluation {

    public static final double[] FIXED_FPRS = {0.001, 0.005, 0.01, 0.02, 0.05};

    public record OperatingPoint(double falsePositiveRate, double threshold, double recall, double precision) {
    }

    public record Report(int attempts, int frauds, double auc, List<OperatingPoint> points) {

        public OperatingPoint at(double fpr) {
            return points.stream().filter(p -> p.falsePositiveRate() == fpr).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no operating point at " + fpr));
        }
    }

    private Evaluation() {
    }

    public static Report of(double[] scores, boolean[] fraud) {
        int n = scores.length;
        int positives = 0;
        for (boolean f : fraud) {
            positives += f ? 1 : 0;
        }
        int negatives = n - positives;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        // AUC by ranks (Mann-Whitney U), average ranks for ties
        double rankSum = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (fraud[order[k]]) {
                    rankSum += rank;
                }
            }
            i = j + 1;
        }
        double auc = positives == 0 || negatives == 0 ? Double.NaN
                : (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
        double[] legit = new double[negatives];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!fraud[i]) {
                legit[k++] = scores[i];
            }
        }
        Arrays.sort(legit);
        List<OperatingPoint> points = new ArrayList<>();
        for (double fpr : FIXED_FPRS) {
            // the smallest threshold that flags at most fpr of the legitimate attempts (score > threshold flags)
            int allowed = (int) Math.floor(fpr * negatives);
            double threshold = negatives == 0 ? 0 : legit[Math.max(0, negatives - 1 - allowed)];
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < n; i++) {
                if (scores[i] > threshold) {
                    if (fraud[i]) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            points.add(new OperatingPoint(fpr, threshold, positives == 0 ? 0 : tp / (double) positives,
                    tp + fp == 0 ? 0 : tp / (double) (tp + fp)));
        }
        return new Report(n, positives, auc, List.copyOf(points));
    }
}
