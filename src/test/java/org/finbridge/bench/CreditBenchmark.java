package org.finbridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.finbridge.credit.CreditScore;
import org.finbridge.credit.ModelVersion;
import org.finbridge.credit.internal.MerchantFeatures;
import org.finbridge.credit.internal.MerchantScoring;
import org.finbridge.credit.internal.CreditModelRegistry;
import org.finbridge.credit.internal.Scorecard;
import org.finbridge.credit.internal.ScoreStore;
import org.finbridge.credit.internal.SyntheticMerchants;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Re-scoring benchmark on PostgreSQL: N merchants' features are stored in {@code credit_features}; the run
 * measures (1) the raw model-evaluation rate: the merchant scorecard's points, grade and reason codes for
 * every feature vector already in memory, one thread; (2) the end-to-end re-scoring rate: features read
 * from the table, scored with reasons, and every score stored in {@code credit_scores}, the reading, the
 * scoring and the writing each on its own thread (COPY out and COPY in); (3) the latency of one merchant's
 * score end to end (features read by key, scored, stored, committed), as p50/p99 over many merchants.
 *
 * <pre>bench/credit [--merchants 1000000] [--single 2000]</pre>
 */
public final class CreditBenchmark {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/finbridge_credit_bench?user=postgres";
    private static final String END = "\\.";

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
        Flyway.configure().dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();

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
            ids[i] = TimeOrderedIds.next(clock);
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
        long t0 = System.nanoTime();
        for (int i = 0; i < merchants; i++) {
            CreditScore s = MerchantScoring.evaluate(model, new PartyId(ids[i]), features[i], at);
            sink += s.points() + ScoreStore.encode(s.reasons()).length();
        }
        double rawSeconds = (System.nanoTime() - t0) / 1e9;
        double rawRate = merchants / rawSeconds;
        System.out.printf(Locale.ROOT, "raw model evaluation (points, grade, reasons): %,d in %.2f s = %,.0f /s (checksum %d)%n",
                merchants, rawSeconds, rawRate, sink);
        features = null;

        // (2) end to end: COPY features out -> score -> COPY scores in, each stage on its own thread
        long t1 = System.nanoTime();
        int stored = rescoreAll(url, model, clock);
        double e2eSeconds = (System.nanoTime() - t1) / 1e9;
        double e2eRate = stored / e2eSeconds;
        System.out.printf(Locale.ROOT, "end-to-end re-scoring (read, score, reasons, store): %,d in %.2f s = %,.0f /s%n",
                stored, e2eSeconds, e2eRate);

        // (3) one merchant at a time: read by key, score, store, commit
        long[] latencies = new long[single];
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement read = c.prepareStatement("select sales_count, months_with_sales, refund_rate, chargeback_rate,"
                     + " delivery_rate, mismatch_rate, max_days_past_due, complaints, store_rating, store_age_months, penalties"
                     + " from credit_features where party_id = ?");
             PreparedStatement write = c.prepareStatement("insert into credit_scores (id, party_id, points, grade,"
                     + " probability_bad, model_version, reasons, scored_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            Random pick = new Random(7);
            for (int i = -200; i < single; i++) {
                UUID id = ids[pick.nextInt(merchants)];
                long s0 = System.nanoTime();
                read.setObject(1, id);
                double[] f = new double[MerchantFeatures.NAMES.size()];
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    for (int j = 0; j < f.length; j++) {
                        f[j] = rs.getDouble(j + 1);
                        if (rs.wasNull()) {
                            f[j] = Double.NaN;
                        }
                    }
                }
                CreditScore score = MerchantScoring.evaluate(model, new PartyId(id), f, clock.instant());
                write.setObject(1, TimeOrderedIds.next(clock));
                write.setObject(2, id);
                write.setInt(3, score.points());
                write.setString(4, score.grade().name());
                write.setDouble(5, score.probabilityOfDefault());
                write.setString(6, score.modelVersion());
                write.setString(7, ScoreStore.encode(score.reasons()));
                write.setObject(8, score.scoredAt().atOffset(ZoneOffset.UTC));
                write.executeUpdate();
                if (i >= 0) {
                    latencies[i] = System.nanoTime() - s0;
                }
            }
        }
        Arrays.sort(latencies);
        double p50 = latencies[single / 2] / 1e6;
        double p99 = latencies[(int) Math.ceil(single * 0.99) - 1] / 1e6;
        System.out.printf(Locale.ROOT, "single score end to end (read by key, score, store, commit): p50 %.3f ms, p99 %.3f ms%n",
                p50, p99);
        System.out.printf(Locale.ROOT, "RESULT rescore_vs_raw=%.3f score_p99_ms=%.3f%n", e2eRate / rawRate, p99);
    }

    private record Row(UUID id, double[] features) {
    }

    private static final Row POISON = new Row(null, null);

    static int rescoreAll(String url, CreditModelRegistry.Loaded model, Clock clock) throws Exception {
        BlockingQueue<List<Row>> toScore = new ArrayBlockingQueue<>(64);
        BlockingQueue<String> toStore = new ArrayBlockingQueue<>(64);
        Throwable[] failure = new Throwable[1];
        Thread reader = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url)) {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                PipedInputStream in = new PipedInputStream(1 << 20);
                PipedOutputStream out = new PipedOutputStream(in);
                Thread pump = new Thread(() -> {
                    try (out) {
                        copy.copyOut("copy (select party_id, sales_count, months_with_sales, refund_rate, chargeback_rate,"
                                + " delivery_rate, mismatch_rate, max_days_past_due, complaints, store_rating,"
                                + " store_age_months, penalties from credit_features) to stdout", out);
                    } catch (Exception e) {
                        failure[0] = e;
                    }
                });
                pump.start();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                    List<Row> batch = new ArrayList<>(4096);
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        String[] f = line.split("\t", -1);
                        double[] v = new double[f.length - 1];
                        for (int j = 1; j < f.length; j++) {
                            v[j - 1] = f[j].equals("\\N") ? Double.NaN : Double.parseDouble(f[j]);
                        }
                        batch.add(new Row(UUID.fromString(f[0]), v));
                        if (batch.size() == 4096) {
                            toScore.put(batch);
                            batch = new ArrayList<>(4096);
                        }
                    }
                    toScore.put(batch);
                }
                pump.join();
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                putQuietly(toScore, List.of(POISON));
            }
        });
        int[] scored = new int[1];
        Thread scorer = new Thread(() -> {
            try {
                while (true) {
                    List<Row> batch = toScore.take();
                    if (batch.size() == 1 && batch.getFirst() == POISON) {
                        break;
                    }
                    Instant at = clock.instant();
                    String scoredAt = at.atOffset(ZoneOffset.UTC).toString();
                    StringBuilder text = new StringBuilder(batch.size() * 200);
                    for (Row row : batch) {
                        CreditScore s = MerchantScoring.evaluate(model, new PartyId(row.id()), row.features(), at);
                        text.append(TimeOrderedIds.next(clock)).append('\t').append(row.id()).append('\t').append(s.points())
                                .append('\t').append(s.grade().name()).append('\t').append(s.probabilityOfDefault())
                                .append('\t').append(s.modelVersion()).append('\t')
                                .append(copyText(ScoreStore.encode(s.reasons()))).append('\t').append(scoredAt).append('\n');
                        scored[0]++;
                    }
                    toStore.put(text.toString());
                }
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                putQuietly(toStore, END);
            }
        });
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url)) {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                Reader chunks = new QueueReader(toStore);
                copy.copyIn("copy credit_scores (id, party_id, points, grade, probability_bad, model_version, reasons,"
                        + " scored_at) from stdin", chunks);
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        reader.start();
        scorer.start();
        writer.start();
        reader.join();
        scorer.join();
        writer.join();
        if (failure[0] != null) {
            throw new IllegalStateException("re-scoring failed", failure[0]);
        }
        return scored[0];
    }

    private static <T> void putQuietly(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** COPY text format: backslash, tab and newline escaped. */
    private static String copyText(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    /** A Reader over text chunks taken from a queue until the end marker. */
    private static final class QueueReader extends Reader {
        private final BlockingQueue<String> queue;
        private String current = "";
        private int position;
        private boolean done;

        QueueReader(BlockingQueue<String> queue) {
            this.queue = queue;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            while (!done && position >= current.length()) {
                try {
                    String next = queue.take();
                    if (next == END) {
                        done = true;
                    } else {
                        current = next;
                        position = 0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            if (done && position >= current.length()) {
                return -1;
            }
            int n = Math.min(length, current.length() - position);
            current.getChars(position, position + n, buffer, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

}
