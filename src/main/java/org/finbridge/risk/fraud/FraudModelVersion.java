package org.finbridge.risk.fraud;

import java.time.Instant;
import java.util.List;

/**
 * A version in the fraud model registry with its evaluation report on held-out data.
 *
 * @param source how it was trained (simulator seed and size, or where it was imported from)
 * @param auc ROC AUC on the held-out data
 * @param baselineAuc the trivial baseline scorer's AUC on the same data
 * @param points recall and precision at fixed false-positive rates
 */
public record FraudModelVersion(String version, String algorithm, Instant createdAt, boolean active, String source,
                                int testAttempts, int testFrauds, double auc, double baselineAuc,
                                List<OperatingPoint> points) {

    public record OperatingPoint(double falsePositiveRate, double threshold, double recall, double precision) {
    }
}
