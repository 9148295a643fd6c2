package org.finbridge.credit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic merchant portfolio with the merchant features and a default outcome, standing for the
 * labelled history a lender's portfolio would provide: defaults follow chargebacks, refunds, overdue
 * repayments, mismatches and penalties; long-established, well-rated stores with steady sales default less.
 */
public final class SyntheticMerchants {

    private SyntheticMerchants() {
    }

    public static double[] features(Random random) {
        double sales = Math.floor(Math.exp(3 + 1.5 * random.nextGaussian()));
        double months = Math.min(12, Math.floor(sales == 0 ? 0 : 1 + random.nextInt(12)));
        double refundRate = Math.max(0, 0.05 + 0.04 * random.nextGaussian());
        double chargebackRate = Math.max(0, 0.005 + 0.01 * random.nextGaussian());
        double deliveryRate = Math.min(1, Math.max(0, 0.9 + 0.1 * random.nextGaussian()));
        double mismatchRate = Math.max(0, 0.02 + 0.03 * random.nextGaussian());
        double dpd = random.nextDouble() < 0.85 ? 0 : Math.floor(random.nextDouble() * 120);
        double complaints = Math.floor(Math.abs(random.nextGaussian()) * 2);
        double rating = random.nextDouble() < 0.2 ? Double.NaN : Math.min(5, Math.max(1, 4.3 + 0.5 * random.nextGaussian()));
        double age = random.nextDouble() < 0.2 ? Double.NaN : Math.floor(random.nextDouble() * 96);
        double penalties = random.nextDouble() < 0.95 ? 0 : 1 + random.nextInt(2);
        return new double[] {sales, months, refundRate, chargebackRate, deliveryRate, mismatchRate, dpd, complaints, rating,
                age, penalties};
    }

    public static boolean defaults(double[] f, Random random) {
        double logit = -2.2 - 0.25 * Math.log1p(f[0]) - 0.08 * f[1] + 8 * f[2] + 60 * f[3] - 1.5 * (f[4] - 0.9)
                + 6 * f[5] + 0.025 * f[6] + 0.2 * f[7] - (Double.isNaN(f[8]) ? 0 : 0.6 * (f[8] - 4.3))
                - (Double.isNaN(f[9]) ? -0.2 : 0.01 * f[9]) + 0.9 * f[10];
        return random.nextDouble() < 1 / (1 + Math.exp(-logit));
    }

    public static Table table(int rows, long seed) {
        Random random = new Random(seed);
        double[][] columns = new double[MerchantFeatures.NAMES.size()][rows];
        boolean[] bad = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            double[] f = features(random);
            for (int j = 0; j < f.length; j++) {
                columns[j][r] = f[j];
            }
            bad[r] = defaults(f, random);
        }
        List<Table.Column> list = new ArrayList<>();
        for (int j = 0; j < columns.length; j++) {
            list.add(new Table.Column(MerchantFeatures.NAMES.get(j), Table.Kind.NUMERIC, columns[j], null));
        }
        return new Table(list, bad);
    }
}
