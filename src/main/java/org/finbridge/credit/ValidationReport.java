package org.finbridge.credit;

import java.util.List;

/**
 * How a model version performed on data it was not trained on, the basis for accepting it.
 *
 * @param auc area under the ROC curve
 * @param gini 2·AUC − 1
 * @param ks the Kolmogorov–Smirnov statistic
 * @param calibration per score band: the mean predicted probability of bad against the observed bad rate
 * @param bandShares the share of the validation population in each score band (for the next version's PSI)
 * @param psi population stability index of this version's score bands against the previous version's
 *            (below 0.1 stable, 0.1–0.25 a shift to watch, above 0.25 a significant shift), or null for the first
 */
public record ValidationReport(int trainingRows, int validationRows, double auc, double gini, double ks,
                               List<CalibrationBand> calibration, double[] bandShares, Double psi) {

    public record CalibrationBand(String band, int rows, double predictedBadRate, double observedBadRate) {
    }
}
