package org.finbridge.bench;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
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
import org.finbridge.credit.internal.ScoreIds;
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
        double rawCpu0 = cpuSeconds();
        long t0 = System.nanoTime();
        for (int i = 0; i < merchants; i++) {
            CreditScore s = MerchantScoring.evaluate(model, new PartyId(ids[i]), features[i], at);
            sink += s.points() + ScoreStore.encode(s.reasons()).length();
        }
        double rawSeconds = (System.nanoTime() - t0) / 1e9;
        double rawCpu = cpuSeconds() - rawCpu0;
        double rawRate = merchants / rawSeconds;
        System.out.printf(Locale.ROOT, "raw model evaluation (points, grade, reasons): %,d in %.2f s = %,.0f /s (CPU %.2f s,"
                + " checksum %d)%n", merchants, rawSeconds, rawRate, rawCpu, sink);
        features = null;

        // (2) end to end: COPY features out -> score -> COPY scores in, each stage on its own thread
        long t1 = System.nanoTime();
        int stored = rescoreAll(url, model, clock);
        double e2eSeconds = (System.nanoTime() - t1) / 1e9;
        double e2eRate = stored / e2eSeconds;
        System.out.printf(Locale.ROOT, "end-to-end re-scoring (read, score, reasons, store): %,d in %.2f s = %,.0f /s%n",
                stored, e2eSeconds, e2eRate);
        System.out.printf(Locale.ROOT, "  CPU of its stages: read and parse %.2f s, score and format %.2f s, send %.2f s"
                + "; PostgreSQL: sending the features %.2f s, storing the scores %.2f s%n", STAGE_CPU_SECONDS[0],
                STAGE_CPU_SECONDS[1], STAGE_CPU_SECONDS[2], SERVER_CPU_SECONDS[0], SERVER_CPU_SECONDS[1]);

        // (3) one merchant at a time: read by key, score, store, commit
        long[] latencies = singleScores(url, model, clock, ids, merchants, single, true);
        long[] relaxed = singleScores(url, model, clock, ids, merchants, single, false);
        double p50 = latencies[single / 2] / 1e6;
        double p99 = latencies[(int) Math.ceil(single * 0.99) - 1] / 1e6;
        System.out.printf(Locale.ROOT, "single score end to end (read by key, score, store, commit): p50 %.3f ms, p99 %.3f ms%n",
                p50, p99);
        System.out.printf(Locale.ROOT, "  the same, the commit not waiting for the WAL flush (synchronous_commit off for"
                + " the score): p50 %.3f ms, p99 %.3f ms%n", relaxed[single / 2] / 1e6,
                relaxed[(int) Math.ceil(single * 0.99) - 1] / 1e6);
        String load1 = BenchMachine.loadAverage();
        System.out.printf(Locale.ROOT, "machine: %d CPUs, load average %s at start, %s at end%s%n",
                Runtime.getRuntime().availableProcessors(), load0, load1,
                BenchMachine.busy(load0) ? "; other work was running at start: figures are noisy" : "");
        System.out.printf(Locale.ROOT, "RESULT rescore_vs_raw=%.3f score_p99_ms=%.3f%n", e2eRate / rawRate, p99);
    }

    /**
     * One merchant's score at a time, end to end: features read by key, scored, stored, committed; sorted
     * latencies in nanoseconds. {@code waitForFlush} false commits without waiting for the WAL flush
     * ({@code synchronous_commit = off} on the session): a score is derived data, and a crash that loses the
     * last few is repaired by the next event or the nightly run.
     */
    private static long[] singleScores(String url, CreditModelRegistry.Loaded model, Clock clock, UUID[] ids, int merchants,
                                       int single, boolean waitForFlush) throws Exception {
        long[] latencies = new long[single];
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement read = c.prepareStatement("select sales_count, months_with_sales, refund_rate, chargeback_rate,"
                     + " delivery_rate, mismatch_rate, max_days_past_due, complaints, store_rating, store_age_months, penalties"
                     + " from credit_features where party_id = ?");
             PreparedStatement write = c.prepareStatement("insert into credit_scores (id, party_id, points, grade,"
                     + " probability_bad, model_version, reasons, scored_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            if (!waitForFlush) {
                try (Statement s = c.createStatement()) {
                    s.execute("set synchronous_commit = off");
                }
            }
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
        return latencies;
    }

    private record Row(UUID id, double[] features) {
    }

    private static final Row POISON = new Row(null, null);
    private static final byte[] END = new byte[0];

    /** CPU seconds each stage of the end-to-end run used: where re-scoring spends its time. */
    static final double[] STAGE_CPU_SECONDS = new double[3];
    /** CPU seconds of the PostgreSQL backends that sent the features and stored the scores. */
    static final double[] SERVER_CPU_SECONDS = new double[2];

    private static double cpuSeconds() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
    }

    /** A PostgreSQL backend's CPU seconds so far (utime + stime from /proc), or NaN where it cannot be read. */
    private static double backendCpuSeconds(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + rs.getInt(1) + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // clock ticks, USER_HZ = 100
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** PostgreSQL's binary COPY: the signature, flags and header extension length, then rows, then -1. */
    private static final byte[] COPY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** timestamptz in binary COPY: microseconds since 2000-01-01 UTC. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    /**
     * Re-scores every merchant whose features are stored, in three stages on their own threads: one COPY
     * reads all features (binary: no number formatting on the server, no parsing here), scorers (one per CPU)
     * compute points, grade and reason codes, one COPY stores every score (binary as well). The figures it
     * produces are the model's, byte for byte those of {@link MerchantScoring#evaluate}.
     */
    static int rescoreAll(String url, CreditModelRegistry.Loaded model, Clock clock) throws Exception {
        BlockingQueue<List<Row>> toScore = new ArrayBlockingQueue<>(64);
        BlockingQueue<byte[]> toStore = new ArrayBlockingQueue<>(64);
        Throwable[] failure = new Throwable[1];
        int width = MerchantFeatures.NAMES.size();
        Thread reader = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url)) {
                double server0 = backendCpuSeconds(c);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                PipedInputStream in = new PipedInputStream(1 << 20);
                PipedOutputStream out = new PipedOutputStream(in);
                Thread pump = new Thread(() -> {
                    try (out) {
                        copy.copyOut("copy (select party_id, sales_count, months_with_sales, refund_rate, chargeback_rate,"
                                + " delivery_rate, mismatch_rate, max_days_past_due, complaints, store_rating,"
                                + " store_age_months, penalties from credit_features) to stdout with (format binary)", out);
                    } catch (Exception e) {
                        failure[0] = e;
                    }
                });
                pump.start();
                try (java.io.DataInputStream rows = new java.io.DataInputStream(
                        new java.io.BufferedInputStream(in, 1 << 16))) {
                    rows.readFully(new byte[COPY_SIGNATURE.length]);
                    rows.readInt(); // flags
                    rows.skipBytes(rows.readInt()); // header extension
                    List<Row> batch = new ArrayList<>(4096);
                    while (rows.readShort() != -1) {
                        rows.readInt(); // 16
                        UUID id = new UUID(rows.readLong(), rows.readLong());
                        double[] v = new double[width];
                        for (int j = 0; j < width; j++) {
                            v[j] = rows.readInt() < 0 ? Double.NaN : rows.readDouble();
                        }
                        batch.add(new Row(id, v));
                        if (batch.size() == 4096) {
                            toScore.put(batch);
                            batch = new ArrayList<>(4096);
                        }
                    }
                    toScore.put(batch);
                    while (rows.read() >= 0) {
                        // drain the pipe so the pump ends
                    }
                }
                pump.join();
                SERVER_CPU_SECONDS[0] = backendCpuSeconds(c) - server0;
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                STAGE_CPU_SECONDS[0] = cpuSeconds();
                putQuietly(toScore, List.of(POISON));
            }
        });
        // one scorer per CPU: scoring is the stage that does the model's work, the others mostly wait on PostgreSQL
        int scorers = Math.max(1, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.atomic.AtomicInteger scored = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch scorersDone = new java.util.concurrent.CountDownLatch(scorers);
        java.util.concurrent.atomic.DoubleAdder scoringCpu = new java.util.concurrent.atomic.DoubleAdder();
        List<Thread> scoring = new ArrayList<>();
        for (int k = 0; k < scorers; k++) {
            scoring.add(new Thread(() -> {
                try {
                    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(1 << 20); // big-endian, as COPY wants
                    while (true) {
                        List<Row> batch = toScore.take();
                        if (batch.size() == 1 && batch.getFirst() == POISON) {
                            putQuietly(toScore, batch); // for the next scorer
                            break;
                        }
                        Instant at = clock.instant();
                        long scoredAt = (at.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + at.getNano() / 1_000;
                        UUID[] scoreIds = ScoreIds.page(clock, batch.size());
                        byte[] version = model.version().id().getBytes(StandardCharsets.UTF_8);
                        out.clear();
                        for (int i = 0; i < batch.size(); i++) {
                            Row row = batch.get(i);
                            CreditScore s = MerchantScoring.evaluate(model, new PartyId(row.id()), row.features(), at);
                            byte[] reasons = ScoreStore.encode(s.reasons()).getBytes(StandardCharsets.UTF_8);
                            if (out.remaining() < 128 + version.length + reasons.length) {
                                out = java.nio.ByteBuffer.allocate(out.capacity() * 2).put(out.flip());
                            }
                            out.putShort((short) 8);
                            out.putInt(16).putLong(scoreIds[i].getMostSignificantBits())
                                    .putLong(scoreIds[i].getLeastSignificantBits());
                            out.putInt(16).putLong(row.id().getMostSignificantBits()).putLong(row.id().getLeastSignificantBits());
                            out.putInt(4).putInt(s.points());
                            out.putInt(1).put((byte) s.grade().name().charAt(0));
                            out.putInt(8).putDouble(s.probabilityOfDefault());
                            out.putInt(version.length).put(version);
                            out.putInt(reasons.length).put(reasons);
                            out.putInt(8).putLong(scoredAt);
                        }
                        scored.addAndGet(batch.size());
                        toStore.put(java.util.Arrays.copyOf(out.array(), out.position()));
                    }
                } catch (Throwable e) {
                    failure[0] = e;
                } finally {
                    scoringCpu.add(cpuSeconds());
                    scorersDone.countDown();
                    if (scorersDone.getCount() == 0) {
                        STAGE_CPU_SECONDS[1] = scoringCpu.sum();
                        putQuietly(toStore, END);
                    }
                }
            }));
        }
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url)) {
                double server0 = backendCpuSeconds(c);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn("copy credit_scores (id, party_id, points, grade, probability_bad, model_version, reasons,"
                        + " scored_at) from stdin with (format binary)", new QueueInputStream(toStore));
                STAGE_CPU_SECONDS[2] = cpuSeconds();
                SERVER_CPU_SECONDS[1] = backendCpuSeconds(c) - server0;
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        reader.start();
        scoring.forEach(Thread::start);
        writer.start();
        reader.join();
        for (Thread t : scoring) {
            t.join();
        }
        writer.join();
        if (failure[0] != null) {
            throw new IllegalStateException("re-scoring failed", failure[0]);
        }
        return scored.get();
    }

    private static <T> void putQuietly(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A binary COPY stream: the header, the chunks taken from a queue until the end marker, the trailer. */
    private static final class QueueInputStream extends java.io.InputStream {
        private final BlockingQueue<byte[]> queue;
        private byte[] current;
        private int position;
        private boolean trailer;
        private boolean done;

        QueueInputStream(BlockingQueue<byte[]> queue) {
            this.queue = queue;
            this.current = java.nio.ByteBuffer.allocate(COPY_SIGNATURE.length + 8).put(COPY_SIGNATURE).putInt(0).putInt(0)
                    .array();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (position >= current.length) {
                if (done) {
                    return -1;
                }
                if (trailer) {
                    done = true;
                    continue;
                }
                try {
                    byte[] next = queue.take();
                    if (next == END) {
                        trailer = true;
                        current = new byte[] {(byte) 0xFF, (byte) 0xFF};
                    } else {
                        current = next;
                    }
                    position = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
