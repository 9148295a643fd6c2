package org.finbridge.risk.fraud.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.finbridge.risk.fraud.FraudModelVersion;

/**
 * A model as a file: the {@link LinearScorer}'s text followed by its evaluation report
 * ({@code report.*} lines) and how it was trained ({@code trained.*}). {@code bin/finbridge risk
 * train-fraud} writes one; the registry stores one; Finbridge ships one ({@link #SHIPPED}).
 */
public record ModelFile(LinearScorer scorer, String source, int testAttempts, int testFrauds, double auc,
                        double baselineAuc, List<FraudModelVersion.OperatingPoint> points) {

    public static final String SHIPPED = "/org/finbridge/risk/fraud/model/fraud-model.txt";

    public static ModelFile of(FraudTrainer.Result r, String source) {
        List<FraudModelVersion.OperatingPoint> points = r.test().points().stream()
                .map(p -> new FraudModelVersion.OperatingPoint(p.falsePositiveRate(), p.threshold(), p.recall(), p.precision()))
                .toList();
        return new ModelFile(r.scorer(), source, r.test().attempts(), r.test().frauds(), r.test().auc(), r.baseline().auc(),
                points);
    }

    public String toText() {
        StringBuilder b = new StringBuilder(scorer.toText());
        b.append("trained.source=").append(source).append('\n');
        b.append("report.test_attempts=").append(testAttempts).append('\n');
        b.append("report.test_frauds=").append(testFrauds).append('\n');
        b.append("report.auc=").append(fmt(auc)).append('\n');
        b.append("report.baseline_auc=").append(fmt(baselineAuc)).append('\n');
        for (var p : points) {
            b.append(String.format(Locale.ROOT, "report.fpr_%s=threshold %s recall %s precision %s%n",
                    fmt(p.falsePositiveRate()), fmt(p.threshold()), fmt(p.recall()), fmt(p.precision())));
        }
        return b.toString();
    }

    /** The report lines alone, as the registry keeps them beside the parameters. */
    public String reportText() {
        StringBuilder b = new StringBuilder();
        for (var p : points) {
            b.append(String.format(Locale.ROOT, "fpr=%s threshold=%s recall=%s precision=%s%n",
                    fmt(p.falsePositiveRate()), fmt(p.threshold()), fmt(p.recall()), fmt(p.precision())));
        }
        return b.toString();
    }

    static List<FraudModelVersion.OperatingPoint> parseReport(String report) {
        List<FraudModelVersion.OperatingPoint> points = new ArrayList<>();
        for (String line : report.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Double> v = new LinkedHashMap<>();
            for (String part : line.trim().split(" ")) {
                String[] kv = part.split("=");
                v.put(kv[0], Double.parseDouble(kv[1]));
            }
            points.add(new FraudModelVersion.OperatingPoint(v.get("fpr"), v.get("threshold"), v.get("recall"), v.get("precision")));
        }
        return List.copyOf(points);
    }

    /** Reads a model file; refuses one without its parameters or its report. */
    public static ModelFile parse(String text) {
        LinearScorer scorer = LinearScorer.fromText(text);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                fields.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        List<FraudModelVersion.OperatingPoint> points = new ArrayList<>();
        for (var e : fields.entrySet()) {
            if (e.getKey().startsWith("report.fpr_")) {
                String[] p = e.getValue().split(" ");
                if (p.length != 6) {
                    throw new IllegalArgumentException("not an operating point: " + e.getKey() + "=" + e.getValue());
                }
                points.add(new FraudModelVersion.OperatingPoint(Double.parseDouble(e.getKey().substring("report.fpr_".length())),
                        Double.parseDouble(p[1]), Double.parseDouble(p[3]), Double.parseDouble(p[5])));
            }
        }
        try {
            return new ModelFile(scorer, fields.getOrDefault("trained.source", "unknown"),
                    Integer.parseInt(required(fields, "report.test_attempts")), Integer.parseInt(required(fields, "report.test_frauds")),
                    Double.parseDouble(required(fields, "report.auc")), Double.parseDouble(required(fields, "report.baseline_auc")),
                    List.copyOf(points));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the model's report has a value that is not a number: " + e.getMessage());
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the model file has no " + name + " (every registered model carries its evaluation)");
        }
        return v;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.6g", d);
    }
}
