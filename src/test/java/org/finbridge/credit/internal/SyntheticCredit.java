package org.finbridge.credit.internal;

import java.util.Locale;
import java.util.Random;

/**
 * A synthetic credit table unlike German Credit, to check that nothing is tuned to one file: semicolon
 * separated, an identifier column, missing values written NA, a 0/1 target of about 12 % bads, a
 * U-shaped numeric effect, a rare category, and thousands of rows.
 */
public final class SyntheticCredit {

    private SyntheticCredit() {
    }

    public static String csv(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("customer_id;monthly_income;utilisation;late_payments;age;region;employment;defaulted\n");
        String[] regions = {"north", "south", "east", "west", "islands"};
        for (int i = 0; i < rows; i++) {
            double income = Math.exp(8 + 0.6 * random.nextGaussian());
            boolean incomeMissing = random.nextDouble() < 0.15;
            double utilisation = Math.max(0, Math.min(1.5, 0.4 + 0.3 * random.nextGaussian()));
            int late = (int) Math.max(0, Math.round(Math.abs(random.nextGaussian()) * 1.2 - 0.3));
            int age = 18 + random.nextInt(60);
            String region = random.nextDouble() < 0.01 ? regions[4] : regions[random.nextInt(4)];
            String employment = random.nextDouble() < 0.6 ? "salaried" : random.nextDouble() < 0.7 ? "self-employed" : "none";
            double logit = -2.6 + 1.8 * (utilisation - 0.4) + 0.6 * late - 0.5 * (Math.log(income) - 8)
                    + 0.0008 * (age - 45) * (age - 45) + (employment.equals("none") ? 0.8 : 0)
                    + (region.equals("east") ? 0.3 : 0) + (incomeMissing ? 0.4 : 0);
            boolean bad = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            text.append(String.format(Locale.ROOT, "C%06d;%s;%.3f;%d;%d;%s;%s;%d%n", i,
                    incomeMissing ? "NA" : String.format(Locale.ROOT, "%.0f", income), utilisation, late, age, region,
                    employment, bad ? 1 : 0));
        }
        return text.toString();
    }
}
