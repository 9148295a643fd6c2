package org.finbridge.risk.fraud.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trained logistic-regression fraud model in the form the hot path evaluates: one weight per
 * feature (on {@link Feature#modelInput}) and a bias, the probability of fraud being the logistic of
 * their sum. The weights come from Tribuo's {@code LinearSGDModel} (see {@link FraudTrainer}); the
 * decision thresholds were read off the held-out evaluation at fixed false-positive rates.
 *
 * <p>Its text form (the model registry stores it, the shipped model is one) is line-based:
 * {@code version=…}, {@code bias=…}, {@code threshold.block=…}, …, {@code w.<feature>=…}.
 *
 * @param blockAt the score from which a payment is blocked (false-positive rate 0.1 % on held-out data)
 * @param challengeAt from which a card payment is challenged, another reviewed (1 %)
 * @param reviewAt from which a card payment is reviewed (3 %)
 */
public record LinearScorer(String version, double[] weights, double bias, double blockAt, double challengeAt,
                           double reviewAt) {

    public LinearScorer {
        if (weights.length != Feature.COUNT) {
            throw new IllegalArgumentException("a fraud model has " + Feature.COUNT + " weights, not " + weights.length);
        }
    }

    /** The probability of fraud for a raw feature vector. */
    public double score(double[] raw) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * Feature.ALL.get(i).transform(raw[i]);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The features that pushed this score up the most (weight × input), strongest first. */
    public List<String> strongestSignals(double[] raw, int n) {
        List<Map.Entry<Feature, Double>> parts = new ArrayList<>(Feature.COUNT);
        for (int i = 0; i < weights.length; i++) {
            double c = weights[i] * Feature.ALL.get(i).transform(raw[i]);
            if (c > 0.5) {
                parts.add(Map.entry(Feature.ALL.get(i), c));
            }
        }
        parts.sort(Map.Entry.<Feature, Double>comparingByValue(Comparator.reverseOrder()));
        return parts.stream().limit(n).map(e -> "model:" + e.getKey().code()).toList();
    }

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("# Finbridge fraud model: logistic regression over the features of org.finbridge.risk.fraud.internal.Feature\n");
        b.append("version=").append(version).append('\n');
        b.append("algorithm=logistic-regression\n");
        b.append("bias=").append(fmt(bias)).append('\n');
        b.append("threshold.block=").append(fmt(blockAt)).append('\n');
        b.append("threshold.challenge=").append(fmt(challengeAt)).append('\n');
        b.append("threshold.review=").append(fmt(reviewAt)).append('\n');
        for (Feature f : Feature.ALL) {
            b.append("w.").append(f.code()).append('=').append(fmt(weights[f.index()])).append('\n');
        }
        return b.toString();
    }

    /** Reads the text form; a missing or unknown weight, or a missing field, is refused. */
    public static LinearScorer fromText(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a model line: " + line);
            }
            fields.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        double[] w = new double[Feature.COUNT];
        boolean[] seen = new boolean[Feature.COUNT];
        for (var e : fields.entrySet()) {
            if (e.getKey().startsWith("w.")) {
                Feature f;
                try {
                    f = Feature.ofCode(e.getKey().substring(2));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("the model has a weight for an unknown feature: " + e.getKey());
                }
                w[f.index()] = Double.parseDouble(e.getValue());
                seen[f.index()] = true;
            }
        }
        for (Feature f : Feature.ALL) {
            if (!seen[f.index()]) {
                throw new IllegalArgumentException("the model has no weight for " + f.code());
            }
        }
        return new LinearScorer(required(fields, "version"), w, Double.parseDouble(required(fields, "bias")),
                Double.parseDouble(required(fields, "threshold.block")), Double.parseDouble(required(fields, "threshold.challenge")),
                Double.parseDouble(required(fields, "threshold.review")));
    }

    private static String required(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("the model has no " + name);
        }
        return v;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.10g", d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearScorer s && s.version.equals(version) && java.util.Arrays.equals(s.weights, weights)
                && s.bias == bias && s.blockAt == blockAt && s.challengeAt == challengeAt && s.reviewAt == reviewAt;
    }

    @Override
    public int hashCode() {
        return version.hashCode() * 31 + java.util.Arrays.hashCode(weights);
    }
}
