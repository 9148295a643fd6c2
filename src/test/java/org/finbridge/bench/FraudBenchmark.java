package org.finbridge.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.finbridge.risk.fraud.FraudOutcome;
import org.finbridge.risk.fraud.internal.Evaluation;
import org.finbridge.risk.fraud.internal.FeatureCache;
import org.finbridge.risk.fraud.internal.FraudEngine;
import org.finbridge.risk.fraud.internal.FraudRules;
import org.finbridge.risk.fraud.internal.FraudTrainer;
import org.finbridge.risk.fraud.internal.Replay;
import org.finbridge.risk.fraud.internal.Transaction;
import org.finbridge.risk.fraud.internal.TransactionSimulator;

/**
 * Fraud scoring benchmark (issue 6, section 4): trains the model on the simulator (seeded), reports
 * AUC and recall / precision at fixed false-positive rates on the held-out days with a trivial baseline
 * scorer beside it, then times in-process decisions (features from the warm cache, rules, model) on a
 * single thread, against the trivial scorer timed the same way.
 *
 * <pre>
 *   bench/risk [--seed N] [--buyers N] [--decisions N]
 * </pre>
 *
 * Prints {@code FRAUD fraud_p99_ms=… fraud_per_s=… fraud_auc=… fraud_recall_at_1pct_fpr=…}; bench/risk
 * joins it with the screening figures into the final RESULT line.
 */
public final class FraudBenchmark {

    public static void main(String[] args) {
        long seed = Long.parseLong(option(args, "--seed", "20261127"));
        int buyers = Integer.parseInt(option(args, "--buyers", "20000"));
        int decisions = Integer.parseInt(option(args, "--decisions", "400000"));

        var settings = new TransactionSimulator.Settings(seed, 30, buyers, 400, 1_767_225_600_000L);
        long t0 = System.nanoTime();
        List<TransactionSimulator.Simulated> attempts = new TransactionSimulator(settings).run();
        long frauds = attempts.stream().filter(TransactionSimulator.Simulated::fraud).count();
        System.out.printf(Locale.ROOT, "simulator: seed %d, %,d attempts over %d days, %,d fraudulent (%.2f %%), %,d ms%n",
                seed, attempts.size(), settings.days(), frauds, 100.0 * frauds / attempts.size(), (System.nanoTime() - t0) / 1_000_000);
        t0 = System.nanoTime();
        List<Replay.Row> rows = Replay.features(attempts, new FeatureCache());
        FraudTrainer.Result result = FraudTrainer.train(rows, settings.startMillis(), FraudTrainer.Split.STANDARD, seed, "bench-" + seed);
        System.out.printf(Locale.ROOT, "model: logistic regression (Tribuo SGD), %,d training rows (%,d fraud), trained in %,d ms%n",
                result.trainRows(), result.trainFrauds(), (System.nanoTime() - t0) / 1_000_000);
        print("held-out days, model", result.test());
        print("held-out days, baseline (amount vs merchant)", result.baseline());
        perPattern(result);

        // --- latency: decisions against a warm cache -------------------------------------------------
        FeatureCache cache = new FeatureCache();
        FraudEngine engine = new FraudEngine(cache, FraudRules.IN_FORCE, result.scorer());
        int warm = attempts.size() * 2 / 3;
        for (int i = 0; i < warm; i++) {
            cache.record(attempts.get(i).transaction());
        }
        List<Transaction> stream = new ArrayList<>(attempts.size() - warm);
        for (int i = warm; i < attempts.size(); i++) {
            stream.add(attempts.get(i).transaction());
        }
        System.out.printf(Locale.ROOT, "warm cache: %,d entities from %,d attempts; timing %,d decisions on one thread%n",
                cache.size(), warm, decisions);
        // warm-up of the JIT on a copy of the cache's traffic
        long sink = 0;
        for (int i = 0; i < 100_000; i++) {
            sink += engine.evaluate(stream.get(i % stream.size())).outcome().ordinal();
        }
        long[] nanos = new long[decisions];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < decisions; i++) {
            Transaction t = shifted(stream.get(i % stream.size()), i / stream.size());
            long a = System.nanoTime();
            FraudEngine.Verdict v = engine.decide(t);
            nanos[i] = System.nanoTime() - a;
            sink += v.outcome().ordinal();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long[] baseNanos = new long[decisions];
        long baseStart = System.nanoTime();
        for (int i = 0; i < decisions; i++) {
            Transaction t = stream.get(i % stream.size());
            long a = System.nanoTime();
            FraudOutcome o = t.amountMajor() > 1_000 ? FraudOutcome.REVIEW : FraudOutcome.ALLOW;
            baseNanos[i] = System.nanoTime() - a;
            sink += o.ordinal();
        }
        double baseSeconds = (System.nanoTime() - baseStart) / 1e9;
        Arrays.sort(nanos);
        Arrays.sort(baseNanos);
        double p50 = nanos[decisions / 2] / 1e6;
        double p99 = nanos[(int) (decisions * 0.99)] / 1e6;
        // per core: decisions over the CPU time the deciding thread used (on a shared machine the wall clock
        // also counts the time other processes held the core); the wall-clock rate is printed beside it
        double perSecond = decisions / cpuSeconds;
        double perWallSecond = decisions / seconds;
        System.out.println();
        System.out.printf(Locale.ROOT, "%-40s %14s %14s%n", "", "Finbridge", "trivial scorer");
        System.out.printf(Locale.ROOT, "%-40s %14.4f %14.4f%n", "decision latency p50 (ms)", p50, baseNanos[decisions / 2] / 1e6);
        System.out.printf(Locale.ROOT, "%-40s %14.4f %14.4f%n", "decision latency p99 (ms)", p99, baseNanos[(int) (decisions * 0.99)] / 1e6);
        System.out.printf(Locale.ROOT, "%-40s %,14.0f%n", "decisions per CPU-second, one thread", perSecond);
        System.out.printf(Locale.ROOT, "%-40s %,14.0f %,14.0f%n", "decisions per wall-clock second", perWallSecond, decisions / baseSeconds);
        System.out.printf(Locale.ROOT, "%-40s %14.4f %14.4f%n", "AUC on held-out days", result.test().auc(), result.baseline().auc());
        System.out.printf(Locale.ROOT, "%-40s %13.2f%% %13.2f%%%n", "recall at 1 % false-positive rate",
                100 * result.test().at(0.01).recall(), 100 * result.baseline().at(0.01).recall());
        System.out.println("(checksum " + sink + ")");
        System.out.printf(Locale.ROOT, "FRAUD fraud_p99_ms=%.4f fraud_per_s=%.0f fraud_auc=%.4f fraud_recall_at_1pct_fpr=%.4f%n",
                p99, perSecond, result.test().auc(), result.test().at(0.01).recall());
    }

    /** The same traffic again, later: each lap moves the stream on by a day so that windows keep sliding. */
    private static Transaction shifted(Transaction t, int lap) {
        if (lap == 0) {
            return t;
        }
        return new Transaction(t.atMillis() + lap * 86_400_000L, t.reference() + "#" + lap, t.merchant(), t.merchantCountry(), t.merchantCreatedMillis(),
                t.card(), t.bin(), t.binCountry(), t.email(), t.ip(), t.ipCountry(), t.device(), t.shippingCountry(),
                t.buyerAccount(), t.accountCreatedMillis(), t.amountMajor(), t.currency(), t.card3ds());
    }

    private static void print(String title, Evaluation.Report r) {
        System.out.printf(Locale.ROOT, "%s: %,d attempts, %,d fraudulent, AUC %.4f%n", title, r.attempts(), r.frauds(), r.auc());
        for (Evaluation.OperatingPoint p : r.points()) {
            System.out.printf(Locale.ROOT, "  at FPR %5.1f %%: recall %6.2f %%, precision %6.2f %%, threshold %.4f%n",
                    100 * p.falsePositiveRate(), 100 * p.recall(), 100 * p.precision(), p.threshold());
        }
    }

    private static void perPattern(FraudTrainer.Result result) {
        double threshold = result.test().at(0.01).threshold();
        java.util.Map<String, int[]> by = new java.util.TreeMap<>();
        for (Replay.Row r : result.testRows()) {
            if (!r.fraud()) {
                continue;
            }
            int[] c = by.computeIfAbsent(r.pattern(), k -> new int[2]);
            c[0]++;
            if (result.scorer().score(r.features()) > threshold) {
                c[1]++;
            }
        }
        by.forEach((k, c) -> System.out.printf(Locale.ROOT, "  recall at 1 %% FPR, %-24s %6.2f %% of %,d%n", k, 100.0 * c[1] / c[0], c[0]));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
