package org.finbridge.credit.internal;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Binary logistic regression fitted by Newton–Raphson (iteratively reweighted least squares), each step
 * solved with commons-math's LU decomposition. A small ridge penalty (not on the intercept) keeps the fit
 * finite when classes separate and steady when features are correlated, which WoE features often are.
 */
final class LogisticRegression {

    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-9;

    private LogisticRegression() {
    }

    /**
     * @param x rows of features (without the intercept column)
     * @param y the outcome of each row (true = the event modelled)
     * @param ridge the L2 penalty on the coefficients
     * @return the intercept followed by one coefficient per feature
     */
    static double[] fit(double[][] x, boolean[] y, double ridge) {
        int n = x.length;
        int p = n == 0 ? 1 : x[0].length + 1;
        double[] beta = new double[p];
        // start from the base rate: a sensible point for Newton's method
        int events = 0;
        for (boolean b : y) {
            events += b ? 1 : 0;
        }
        beta[0] = Math.log((events + 0.5) / (n - events + 0.5));
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] hessian = new double[p][p];
            double[] gradient = new double[p];
            double[] row = new double[p];
            row[0] = 1;
            for (int i = 0; i < n; i++) {
                System.arraycopy(x[i], 0, row, 1, p - 1);
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    eta += beta[j] * row[j];
                }
                double mu = 1 / (1 + Math.exp(-eta));
                double w = Math.max(mu * (1 - mu), 1e-10);
                double residual = (y[i] ? 1 : 0) - mu;
                for (int j = 0; j < p; j++) {
                    gradient[j] += residual * row[j];
                    double wj = w * row[j];
                    for (int k = j; k < p; k++) {
                        hessian[j][k] += wj * row[k];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < j; k++) {
                    hessian[j][k] = hessian[k][j];
                }
                if (j > 0) {
                    hessian[j][j] += ridge;
                    gradient[j] -= ridge * beta[j];
                }
            }
            RealMatrix h = new Array2DRowRealMatrix(hessian, false);
            DecompositionSolver solver = new LUDecomposition(h).getSolver();
            RealVector step = solver.solve(new ArrayRealVector(gradient, false));
            double largest = 0;
            for (int j = 0; j < p; j++) {
                beta[j] += step.getEntry(j);
                largest = Math.max(largest, Math.abs(step.getEntry(j)));
            }
            if (largest < TOLERANCE) {
                break;
            }
        }
        return beta;
    }
}
