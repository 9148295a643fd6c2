package org.finbridge.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.finbridge.credit.CreditScore;
import org.finbridge.credit.ModelVersion;
import org.finbridge.credit.internal.MerchantFeatures;
import org.finbridge.credit.internal.MerchantScoring;
import org.finbridge.credit.internal.CreditModelRegistry;
import org.finbridge.credit.internal.Scorecard;
import org.finbridge.credit.internal.ScoreStore;
import org.finbridge.credit.internal.ScoringHarness;
import org.finbridge.credit.internal.SyntheticMerchants;
import org.finbridge.party.PartyId;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Re-scoring benchmark on PostgreSQL: N merchants' features are stored in {@code credit_features}; the run
 * measures (1) the raw model-evaluation rate: the merchant scorecard's points, grade and reason codes for
 * every feature vector already in memory, one thread; (2) the end-to-end re-scoring rate of the
 * application's own nightly scoring pass ({@code MerchantScoring.rescoreAll}): features read from the
 * table, scored with reasons, every score stored in {@code credit_scores}, and a sample checked against the
 * model; (3) the latency of one merchant's score through the application's single-score path
 * ({@code MerchantScoring.rescoreStored}: features read by key, scored, stored, committed), as p50/p99.
 *
 * <pre>bench/credit [--merchants 1000000] [--single 2000]</pre>
 */
public final class CreditBenchmark {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/finbridge_credit_bench?user=postgres";

    public static void main(String[] args) throws Exception {
        int merchants = 1_000_000;
        int single = 2000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--merchants" -> merchants = Integer.parseInt(args[++i]);
                case "--single" -> single = Integer.parseInt(args[++i]);
                case "--quick" -> {
                    merchants = 100_000;
                    single = 500;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String url = System.getenv().getOrDefault("FINBRIDGE_BENCH_POSTGRES_URL", DEFAULT_URL);
        // out of order: the bench database outlives the code, and each module numbers its migrations in its own
        // range, so a credit migration may arrive after a later module's was applied here
        Flyway.configure().dataSource(url, null, null).outOfOrder(true)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();

        String load0 = BenchMachine.loadAverage();
        Clock clock = Clock.systemUTC();
        System.out.println("training the merchant scorecard on a synthetic portfolio of 20,000 merchants ...");
        Scorecard card = Scorecard.train(SyntheticMerchants.table(20_000, 1));
        CreditModelRegistry.Loaded model = new CreditModelRegistry.Loaded(
                new ModelVersion(CreditModelRegistry.MERCHANT_SCORECARD, 1, clock.instant(), "bench", true, null), card);

        // the merchants and their features
        Random random = new Random(42);
        UUID[] ids = new UUID[merchants];
        double[][] features = new double[merchants][];
        for (int i = 0; i < merchants; i++) {
            ids[i] = org.finbridge.platform.TimeOrderedIds.next(clock);
            features[i] = SyntheticMerchants.features(random);
        }
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("truncate credit_features");
                s.execute("truncate credit_scores");
            }
            System.out.printf(Locale.ROOT, "loading %,d merchants' features ...%n", merchants);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder text = new StringBuilder();
            String now = clock.instant().atOffset(ZoneOffset.UTC).toString();
            for (int i = 0; i < merchants; i++) {
                text.append(ids[i]);
                for (double f : features[i]) {
                    text.append('\t').append(Double.isNaN(f) ? "\\N" : Double.toString(f));
                }
                text.append('\t').append(now).append('\n');
                if (text.length() > 8_000_000 || i == merchants - 1) {
                    copy.copyIn("copy credit_features (party_id, sales_count, months_with_sales, refund_rate, chargeback_rate,"
                            + " delivery_rate, mismatch_rate, max_days_past_due, complaints, store_rating, store_age_months,"
                            + " penalties, computed_at) from stdin", new StringReader(text.toString()));
                    text.setLength(0);
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze credit_features");
            }
        }

        // (1) raw model evaluation, in memory, one thread (a warm-up pass first)
        Instant at = clock.instant();
        long sink = 0;
        for (int i = 0; i < Math.min(merchants, 200_000); i++) {
            sink += MerchantScoring.evaluate(model, new PartyId(ids[i]), features[i], at).points();
        }
        double rawCpu0 = threadCpuSeconds();
        long t0 = System.nanoTime();
        for (int i = 0; i < merchants; i++) {
            CreditScore s = MerchantScoring.evaluate(model, new PartyId(ids[i]), features[i], at);
            sink += s.points() + ScoreStore.encode(s.reasons()).length();
        }
        double rawSeconds = (System.nanoTime() - t0) / 1e9;
        double rawCpu = threadCpuSeconds() - rawCpu0;
        double rawRate = merchants / rawSeconds;
        System.out.printf(Locale.ROOT, "raw model evaluation (points, grade, reasons): %,d in %.2f s = %,.0f /s (CPU %.2f s,"
                + " checksum %d)%n", merchants, rawSeconds, rawRate, rawCpu, sink);
        features = null;

        // (2) end to end, the application's own nightly scoring pass: features read in key order, scored with
        // reasons, every score stored (on PostgreSQL: binary COPY out, scoring, binary COPY in, overlapped)
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(4);
        try (com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource(pool)) {
            ScoringHarness scoring = new ScoringHarness(dataSource, clock);
            Instant scoredAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            double jvm0 = processCpuSeconds();
            double server0 = serverCpuSeconds();
            long t1 = System.nanoTime();
            int stored = scoring.rescoreAll(model, scoredAt);
            double e2eSeconds = (System.nanoTime() - t1) / 1e9;
            double jvmCpu = processCpuSeconds() - jvm0;
            double serverCpu = serverCpuSeconds() - server0;
            if (stored != merchants) {
                throw new IllegalStateException("re-scored " + stored + " of " + merchants + " merchants");
            }
            checkStored(url, model, ids, scoredAt);
            double e2eRate = stored / e2eSeconds;
            System.out.printf(Locale.ROOT, "end-to-end re-scoring (read, score, reasons, store; MerchantScoring.rescoreAll):"
                    + " %,d in %.2f s = %,.0f /s%n", stored, e2eSeconds, e2eRate);
            System.out.printf(Locale.ROOT, "  CPU: this JVM %.2f s, PostgreSQL %.2f s (all its processes, including"
                    + " anyone else's)%n", jvmCpu, serverCpu);

            // (3) one merchant at a time, the application's own single score: read by key, score, store, commit
            long[] latencies = singleScores(scoring, model, ids, merchants, single);
            double p50 = latencies[single / 2] / 1e6;
            double p99 = latencies[(int) Math.ceil(single * 0.99) - 1] / 1e6;
            System.out.printf(Locale.ROOT, "single score end to end (MerchantScoring.rescoreStored: read by key, score,"
                    + " store, commit): p50 %.3f ms, p99 %.3f ms%n", p50, p99);
            String load1 = BenchMachine.loadAverage();
            System.out.printf(Locale.ROOT, "machine: %d CPUs, load average %s at start, %s at end%s%n",
                    Runtime.getRuntime().availableProcessors(), load0, load1,
                    BenchMachine.busy(load0) ? "; other work was running at start: figures are noisy" : "");
            System.out.printf(Locale.ROOT, "RESULT rescore_vs_raw=%.3f score_p99_ms=%.3f%n", e2eRate / rawRate, p99);
        }
    }

    /** A sample of the stored scores must be the model's own, to the last reason. */
    private static void checkStored(String url, CreditModelRegistry.Loaded model, UUID[] ids, Instant at) throws Exception {
        Random pick = new Random(11);
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement read = c.prepareStatement("select f.sales_count, f.months_with_sales, f.refund_rate,"
                     + " f.chargeback_rate, f.delivery_rate, f.mismatch_rate, f.max_days_past_due, f.complaints,"
                     + " f.store_rating, f.store_age_months, f.penalties, s.points, s.reasons, s.scored_at"
                     + " from credit_features f join credit_scores s on s.party_id = f.party_id where f.party_id = ?")) {
            for (int k = 0; k < 200; k++) {
                UUID id = ids[pick.nextInt(ids.length)];
                read.setObject(1, id);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no score stored for " + id);
                    }
                    double[] f = new double[MerchantFeatures.NAMES.size()];
                    for (int j = 0; j < f.length; j++) {
                        f[j] = rs.getDouble(j + 1);
                        if (rs.wasNull()) {
                            f[j] = Double.NaN;
                        }
                    }
                    CreditScore expected = MerchantScoring.evaluate(model, new PartyId(id), f, at);
                    if (expected.points() != rs.getInt(12) || !ScoreStore.encode(expected.reasons()).equals(rs.getString(13))
                            || !rs.getObject(14, java.time.OffsetDateTime.class).toInstant().equals(at)) {
                        throw new IllegalStateException("the stored score of " + id + " is not the model's");
                    }
                }
            }
        }
    }

    /** One merchant's score at a time through the application's single-score path; sorted latencies in ns. */
    private static long[] singleScores(ScoringHarness scoring, CreditModelRegistry.Loaded model, UUID[] ids, int merchants,
                                       int single) {
        long[] latencies = new long[single];
        Random pick = new Random(7);
        for (int i = -500; i < single; i++) {
            UUID id = ids[pick.nextInt(merchants)];
            long s0 = System.nanoTime();
            scoring.rescoreStored(new PartyId(id), model).orElseThrow();
            if (i >= 0) {
                latencies[i] = System.nanoTime() - s0;
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static double threadCpuSeconds() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** CPU seconds of every PostgreSQL process so far (utime + stime from /proc), NaN where it cannot be read. */
    private static double serverCpuSeconds() {
        double total = 0;
        try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = java.nio.file.Files.readString(p.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (!comm.startsWith("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // USER_HZ = 100
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
        return total;
    }
}
