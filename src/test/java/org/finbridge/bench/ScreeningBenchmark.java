package org.finbridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.finbridge.risk.sanctions.ListFormat;
import org.finbridge.risk.sanctions.ListedName;
import org.finbridge.risk.sanctions.LoadedList;
import org.finbridge.risk.sanctions.SanctionsFiles;
import org.finbridge.risk.sanctions.ScreeningQuery;
import org.finbridge.risk.sanctions.ScreeningResult;
import org.finbridge.risk.sanctions.ScreeningSamples;

/**
 * Sanctions screening benchmark (issue 6, section 4): Finbridge's indexed matcher against a naive
 * linear Jaro-Winkler scan of every listed name, on the OFAC SDN list with its aliases, in one run.
 *
 * <pre>
 *   bench/screening [--list 2021|2024] [--variants N] [--unlisted N] [--naive-queries N] [--seed N]
 * </pre>
 *
 * Latency is measured single-threaded on a warmed JVM over variants, unlisted names and listed names.
 * The last line is {@code RESULT screen_p99_ms=… screen_vs_naive=… screen_recall=… screen_fpr=…}.
 */
public final class ScreeningBenchmark {

    private static final BigDecimal THRESHOLD = SanctionsFiles.DEFAULT_THRESHOLD;

    public static void main(String[] args) throws Exception {
        String listName = option(args, "--list", "2021");
        int variantCount = Integer.parseInt(option(args, "--variants", "5000"));
        int unlistedCount = Integer.parseInt(option(args, "--unlisted", "3000"));
        int naiveQueries = Integer.parseInt(option(args, "--naive-queries", "200"));
        long seed = Long.parseLong(option(args, "--seed", "20260427"));

        long loadStart = System.nanoTime();
        LoadedList list = load(listName);
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        List<ListedName> names = list.names();
        System.out.printf(Locale.ROOT, "list: OFAC SDN %s, %,d entries, %,d names (primary + aliases), read and indexed in %,d ms%n",
                listName.equals("2024") ? "2024-05-03" : "2021-04-25 with alt.csv and add.csv", list.entryCount(), names.size(), loadMillis);

        List<ScreeningSamples.Variant> variants = ScreeningSamples.variants(list, variantCount, seed);
        ScreeningSamples.Unlisted unlisted = ScreeningSamples.unlisted(list, unlistedCount, seed + 1);
        System.out.printf(Locale.ROOT, "queries: %,d variants of listed names, %,d unlisted names (%,d generated names left out as listed)%n",
                variants.size(), unlisted.names().size(), unlisted.excludedAsListed());

        List<String> queries = new ArrayList<>();
        variants.forEach(v -> queries.add(v.query()));
        queries.addAll(unlisted.names());
        Random random = new Random(seed + 2);
        for (int i = 0; i < 2000; i++) {
            queries.add(names.get(random.nextInt(names.size())).name());
        }

        // warm up, then time every query once
        for (int round = 0; round < 5; round++) {
            queries.forEach(q -> list.screen(ScreeningQuery.of(q)));
        }
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            list.screen(ScreeningQuery.of(queries.get(i)));
            nanos[i] = System.nanoTime() - t;
        }
        if (Arrays.asList(args).contains("--slowest")) {
            Integer[] order = new Integer[nanos.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
            for (int i = 0; i < 25; i++) {
                System.out.printf(Locale.ROOT, "  slow: %8.3f ms  %s%n", nanos[order[i]] / 1e6, queries.get(order[i]));
            }
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        double p50 = percentile(nanos, 0.50) / 1e6;
        double p99 = percentile(nanos, 0.99) / 1e6;

        // the naive baseline: Jaro-Winkler of the whole normalised name against every listed name
        String[] normalized = names.stream().map(n -> list.normalize(n.name())).toArray(String[]::new);
        JaroWinklerSimilarity jw = new JaroWinklerSimilarity();
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < naiveQueries; i++) {
            sample.add(queries.get(random.nextInt(queries.size())));
        }
        sample.subList(0, Math.min(10, sample.size())).forEach(q -> naive(list.normalize(q), normalized, jw));
        long[] naiveNanos = new long[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            long t = System.nanoTime();
            naive(list.normalize(sample.get(i)), normalized, jw);
            naiveNanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(naiveNanos);
        double naiveMean = Arrays.stream(naiveNanos).average().orElse(0) / 1e6;
        double naiveP99 = percentile(naiveNanos, 0.99) / 1e6;

        double recall = ScreeningSamples.recall(list, variants);
        double fpr = ScreeningSamples.falseHitRate(list, unlisted.names());
        double naiveRecall = naiveRecall(list, variants.subList(0, Math.min(naiveQueries, variants.size())), names, normalized, jw);
        double naiveFpr = naiveFalseHits(list, unlisted.names().subList(0, Math.min(naiveQueries, unlisted.names().size())),
                normalized, jw);

        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %12s %12s%n", "", "Finbridge", "naive scan");
        System.out.printf(Locale.ROOT, "%-44s %12.3f %12.3f%n", "latency, mean (ms)", mean, naiveMean);
        System.out.printf(Locale.ROOT, "%-44s %12.3f %12s%n", "latency, p50 (ms)", p50, "");
        System.out.printf(Locale.ROOT, "%-44s %12.3f %12.3f%n", "latency, p99 (ms)", p99, naiveP99);
        System.out.printf(Locale.ROOT, "%-44s %,12d %,12d%n", "queries timed", nanos.length, naiveNanos.length);
        System.out.printf(Locale.ROOT, "%-44s %11.2f%% %11.2f%%%n", "recall on variants (threshold " + THRESHOLD + ")",
                100 * recall, 100 * naiveRecall);
        System.out.printf(Locale.ROOT, "%-44s %11.2f%% %11.2f%%%n", "false hits on unlisted names", 100 * fpr, 100 * naiveFpr);
        for (ScreeningSamples.Change change : ScreeningSamples.Change.values()) {
            List<ScreeningSamples.Variant> some = variants.stream().filter(v -> v.change() == change).toList();
            System.out.printf(Locale.ROOT, "  recall, %-34s %11.2f%% (%,d)%n", change.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    100 * ScreeningSamples.recall(list, some), some.size());
        }
        System.out.println("(naive figures on the first " + naiveQueries + " queries of each set; Finbridge on all)");
        System.out.printf(Locale.ROOT, "RESULT screen_p99_ms=%.3f screen_vs_naive=%.0f screen_recall=%.4f screen_fpr=%.4f%n",
                p99, naiveMean / mean, recall, fpr);
    }

    private static LoadedList load(String which) throws Exception {
        if (which.equals("2024")) {
            return SanctionsFiles.load(ListFormat.OFAC, resource("ofac-sdn-2024-05-03/sdn.csv"), null, null, THRESHOLD);
        }
        return SanctionsFiles.load(ListFormat.OFAC, resource("ofac-sdn-2021-04-25/sdn.csv"),
                resource("ofac-sdn-2021-04-25/alt.csv"), resource("ofac-sdn-2021-04-25/add.csv"), THRESHOLD);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = ScreeningBenchmark.class.getResourceAsStream("/reference/sanctions/" + path)) {
            return in.readAllBytes();
        }
    }

    /** Index of the best listed name, or -1 below the threshold. */
    private static int naive(String query, String[] normalized, JaroWinklerSimilarity jw) {
        int best = -1;
        double bestScore = THRESHOLD.doubleValue();
        for (int i = 0; i < normalized.length; i++) {
            double s = jw.apply(query, normalized[i]);
            if (s >= bestScore) {
                bestScore = s;
                best = i;
            }
        }
        return best;
    }

    private static double naiveRecall(LoadedList list, List<ScreeningSamples.Variant> variants, List<ListedName> names,
                                      String[] normalized, JaroWinklerSimilarity jw) {
        int found = 0;
        for (ScreeningSamples.Variant v : variants) {
            int best = naive(list.normalize(v.query()), normalized, jw);
            if (best >= 0 && names.get(best).entryId().equals(v.entryId())) {
                found++;
            }
        }
        return variants.isEmpty() ? 0 : (double) found / variants.size();
    }

    private static double naiveFalseHits(LoadedList list, List<String> unlisted, String[] normalized, JaroWinklerSimilarity jw) {
        int hits = 0;
        for (String name : unlisted) {
            if (naive(list.normalize(name), normalized, jw) >= 0) {
                hits++;
            }
        }
        return unlisted.isEmpty() ? 0 : (double) hits / unlisted.size();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (Arrays.asList(args).contains("--quick")) {
            return switch (name) {
                case "--variants" -> "1000";
                case "--unlisted" -> "1000";
                case "--naive-queries" -> "50";
                default -> fallback;
            };
        }
        return fallback;
    }
}
