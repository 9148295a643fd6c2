package org.finbridge.credit.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.finbridge.credit.CreditScore;
import org.finbridge.party.PartyId;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * The scoring pass over every stored feature vector on PostgreSQL, as a three-stage pipeline: one thread
 * reads the features with a binary COPY in key order (no number formatting on the server, no parsing of
 * text here), the calling thread scores each merchant with reasons ({@link MerchantScoring#evaluate}, the
 * same code as one merchant's score), one thread stores the scores with a binary COPY. Reading in key order
 * keeps the scores' (party, time) index writes next to each other instead of all over the index; COPY
 * costs the server a fraction of an INSERT per row. The stages overlap, so the pass runs at about the
 * rate of its slowest stage, the model's own work.
 *
 * <p>Scores are committed every {@link #ROWS_PER_COPY} rows, so a failure late in the night keeps what
 * was stored before it; the next run scores everyone again anyway.
 */
final class CopyRescoring {

    /** Merchants per page handed from one stage to the next. */
    static final int PAGE = 4096;
    /** Scores per COPY, each its own transaction. */
    static final int ROWS_PER_COPY = 65_536;

    static final String READ = "copy (select party_id, sales_count, months_with_sales, refund_rate, chargeback_rate,"
            + " delivery_rate, mismatch_rate, max_days_past_due, complaints, store_rating, store_age_months, penalties"
            + " from credit_features order by party_id) to stdout with (format binary)";
    static final String WRITE = "copy credit_scores (id, party_id, points, grade, probability_bad, model_version, reasons,"
            + " scored_at) from stdin with (format binary)";

    /** PostgreSQL's binary COPY signature, flags and header extension length. */
    private static final byte[] HEADER = ByteBuffer.allocate(19)
            .put(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0}).putInt(0).putInt(0).array();
    private static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    /** timestamptz in binary COPY: microseconds since 2000-01-01 UTC. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private record Page(UUID[] parties, double[][] features, int size) {
    }

    private static final Page END = new Page(null, null, 0);
    private static final byte[] DONE = new byte[0];

    private CopyRescoring() {
    }

    /** Whether the data source is PostgreSQL, where this pass applies. */
    static boolean applies(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Scores every stored feature vector with the model at the given time and stores the scores; answers how many. */
    static int run(DataSource dataSource, CreditModelRegistry.Loaded model, Instant at, Clock clock) {
        BlockingQueue<Page> toScore = new ArrayBlockingQueue<>(16);
        BlockingQueue<byte[]> toStore = new ArrayBlockingQueue<>(16);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().name("credit-rescore-read").start(() -> {
            try {
                read(dataSource, toScore, failure);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                offerEnd(toScore, END, failure);
            }
        });
        int[] stored = new int[1];
        Thread writer = Thread.ofPlatform().name("credit-rescore-store").start(() -> {
            try {
                stored[0] = write(dataSource, toStore);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                toStore.clear(); // unblock the scorer, which stops at the next page
            }
        });
        try {
            byte[] version = model.version().id().getBytes(StandardCharsets.UTF_8);
            long scoredAt = (at.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + at.getNano() / 1_000;
            ByteBuffer out = ByteBuffer.allocate(1 << 20); // big-endian, as COPY wants
            while (failure.get() == null) {
                Page page = toScore.take();
                if (page == END) {
                    break;
                }
                UUID[] ids = ScoreIds.page(clock, page.size());
                out.clear();
                for (int i = 0; i < page.size(); i++) {
                    UUID party = page.parties()[i];
                    CreditScore s = MerchantScoring.evaluate(model, new PartyId(party), page.features()[i], at);
                    byte[] reasons = ScoreStore.encode(s.reasons()).getBytes(StandardCharsets.UTF_8);
                    if (out.remaining() < 96 + version.length + reasons.length) {
                        out = ByteBuffer.allocate(out.capacity() * 2).put(out.flip());
                    }
                    out.putShort((short) 8);
                    out.putInt(16).putLong(ids[i].getMostSignificantBits()).putLong(ids[i].getLeastSignificantBits());
                    out.putInt(16).putLong(party.getMostSignificantBits()).putLong(party.getLeastSignificantBits());
                    out.putInt(4).putInt(s.points());
                    out.putInt(1).put((byte) s.grade().name().charAt(0));
                    out.putInt(8).putDouble(s.probabilityOfDefault());
                    out.putInt(version.length).put(version);
                    out.putInt(reasons.length).put(reasons);
                    out.putInt(8).putLong(scoredAt);
                }
                byte[] chunk = new byte[out.position()];
                out.flip().get(chunk);
                if (!put(toStore, chunk, failure)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            offerEnd(toStore, DONE, failure);
            join(reader);
            join(writer);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("credit re-scoring stopped after " + stored[0] + " scores", failure.get());
        }
        return stored[0];
    }

    private static void read(DataSource dataSource, BlockingQueue<Page> toScore, AtomicReference<Throwable> failure)
            throws Exception {
        int width = MerchantFeatures.NAMES.size();
        try (Connection c = dataSource.getConnection()) {
            CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(READ);
            try (DataInputStream rows = new DataInputStream(new CopyOutStream(copy))) {
                rows.skipNBytes(11 + 4); // signature, flags
                rows.skipNBytes(rows.readInt()); // header extension
                UUID[] parties = new UUID[PAGE];
                double[][] features = new double[PAGE][];
                int n = 0;
                while (rows.readShort() != -1) {
                    rows.readInt(); // 16
                    parties[n] = new UUID(rows.readLong(), rows.readLong());
                    double[] v = new double[width];
                    for (int j = 0; j < width; j++) {
                        v[j] = rows.readInt() < 0 ? Double.NaN : rows.readDouble();
                    }
                    features[n++] = v;
                    if (n == PAGE) {
                        if (!put(toScore, new Page(parties, features, n), failure)) {
                            return; // the pass failed elsewhere: stop reading
                        }
                        parties = new UUID[PAGE];
                        features = new double[PAGE][];
                        n = 0;
                    }
                }
                if (n > 0 && !put(toScore, new Page(parties, features, n), failure)) {
                    return;
                }
                while (rows.read() >= 0) {
                    // the end of the COPY, so the connection is free again
                }
            }
        }
    }

    private static int write(DataSource dataSource, BlockingQueue<byte[]> toStore) throws Exception {
        int stored = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            org.postgresql.copy.CopyManager api = c.unwrap(PGConnection.class).getCopyAPI();
            CopyIn copy = null;
            int inCopy = 0;
            while (true) {
                byte[] chunk = toStore.take();
                if (chunk == DONE) {
                    break;
                }
                if (copy == null) {
                    copy = api.copyIn(WRITE);
                    copy.writeToCopy(HEADER, 0, HEADER.length);
                }
                copy.writeToCopy(chunk, 0, chunk.length);
                inCopy += rowsIn(chunk);
                if (inCopy >= ROWS_PER_COPY) {
                    copy.writeToCopy(TRAILER, 0, TRAILER.length);
                    stored += (int) copy.endCopy();
                    copy = null;
                    inCopy = 0;
                }
            }
            if (copy != null) {
                copy.writeToCopy(TRAILER, 0, TRAILER.length);
                stored += (int) copy.endCopy();
            }
        }
        return stored;
    }

    /** Rows in a chunk of binary COPY rows (each: field count, then per field its length and bytes). */
    private static int rowsIn(byte[] chunk) {
        ByteBuffer b = ByteBuffer.wrap(chunk);
        int rows = 0;
        while (b.hasRemaining()) {
            int fields = b.getShort();
            for (int f = 0; f < fields; f++) {
                int length = b.getInt();
                b.position(b.position() + Math.max(length, 0));
            }
            rows++;
        }
        return rows;
    }

    /** Hands an item on unless the pass has failed; false when it has. */
    private static <T> boolean put(BlockingQueue<T> queue, T item, AtomicReference<Throwable> failure)
            throws InterruptedException {
        while (!queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (failure.get() != null) {
                return false;
            }
        }
        return true;
    }

    private static <T> void offerEnd(BlockingQueue<T> queue, T end, AtomicReference<Throwable> failure) {
        try {
            while (!queue.offer(end, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    queue.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The rows of a COPY TO as one stream, whatever the server's message boundaries. */
    private static final class CopyOutStream extends InputStream {
        private final CopyOut copy;
        private byte[] current = new byte[0];
        private int position;
        private boolean done;

        CopyOutStream(CopyOut copy) {
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (position >= current.length) {
                if (done) {
                    return false;
                }
                try {
                    byte[] next = copy.readFromCopy();
                    if (next == null) {
                        done = true;
                        return false;
                    }
                    current = next;
                    position = 0;
                } catch (SQLException e) {
                    throw new IOException(e);
                }
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            try {
                while (!done) {
                    if (copy.readFromCopy() == null) {
                        done = true;
                    }
                }
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }
}
