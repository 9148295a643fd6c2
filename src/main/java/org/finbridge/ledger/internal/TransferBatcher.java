package org.finbridge.ledger.internal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.finbridge.ledger.LedgerBusyException;
import org.finbridge.ledger.LedgerUnavailableException;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Gathers concurrent callers' requests into batches, as TigerBeetle does: one writer thread takes
 * whatever is queued (up to {@code maxBatchTransfers}, waiting at most {@code maxBatchDelay} for more
 * when the batch is still small), commits it in one transaction, and answers each caller with its own
 * results. A request is never split across batches, so a linked chain is always applied whole.
 *
 * <p>The queue is bounded in transfers: when full, {@link #submit} refuses at once
 * ({@link LedgerBusyException}, HTTP 503) instead of letting latency grow without bound. On shutdown
 * the queue is drained before the application stops, for at most {@code drainTimeout}: the shutdown phase
 * the batcher stops in ({@code spring.lifecycle.timeout-per-shutdown-phase}), so that a node that cannot
 * reach its database still ends within the grace period its orchestrator gives it. What is still queued
 * then is answered "busy", never acknowledged: its callers resubmit the same transfer ids elsewhere.
 */
final class TransferBatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TransferBatcher.class);
    private static final int MAX_ATTEMPTS = 5;

    private final BatchStore store;
    private final Clock clock;
    private final int maxBatchTransfers;
    private final int queueCapacityTransfers;
    private final long maxBatchDelayNanos;
    private final Duration drainTimeout;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedTransfers = new AtomicInteger();
    private final DistributionSummary batchSizes;
    private final Timer commitLatency;
    private volatile boolean accepting;
    private volatile boolean running;
    private Thread worker;

    TransferBatcher(BatchStore store, Clock clock, int maxBatchTransfers, int queueCapacityTransfers,
                    Duration maxBatchDelay, Duration drainTimeout, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.maxBatchTransfers = maxBatchTransfers;
        this.queueCapacityTransfers = queueCapacityTransfers;
        this.maxBatchDelayNanos = maxBatchDelay.toNanos();
        this.drainTimeout = drainTimeout;
        this.batchSizes = DistributionSummary.builder("finbridge.ledger.batch.transfers")
                .description("transfers committed per ledger batch").register(meters);
        this.commitLatency = Timer.builder("finbridge.ledger.batch.commit")
                .description("time to apply and commit one ledger batch").publishPercentiles(0.5, 0.99).register(meters);
        meters.gauge("finbridge.ledger.queue.transfers", queuedTransfers);
    }

    CompletableFuture<List<TransferResult>> submit(List<Transfer> transfers) {
        return enqueue(Submission.ofTransfers(transfers));
    }

    CompletableFuture<List<TransferResult>> expire(List<TransferId> pendingIds) {
        return enqueue(Submission.ofExpiries(pendingIds));
    }

    private CompletableFuture<List<TransferResult>> enqueue(Submission s) {
        if (!accepting) {
            throw new LedgerBusyException("the ledger is not accepting transfers (starting or shutting down)");
        }
        int n = s.size();
        if (n > maxBatchTransfers) {
            throw new IllegalArgumentException("a request may carry at most " + maxBatchTransfers + " transfers");
        }
        int after = queuedTransfers.addAndGet(n);
        if (after > queueCapacityTransfers) {
            queuedTransfers.addAndGet(-n);
            throw new LedgerBusyException("the ledger queue is full (" + queueCapacityTransfers + " transfers)");
        }
        queue.add(s);
        return s.answer();
    }

    private void run() {
        List<Submission> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                int size = first.size();
                long deadline = System.nanoTime() + maxBatchDelayNanos;
                while (size < maxBatchTransfers) {
                    Submission next = queue.peek();
                    if (next == null) {
                        long wait = deadline - System.nanoTime();
                        if (wait <= 0) {
                            break;
                        }
                        next = queue.poll(wait, TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                        if (size + next.size() > maxBatchTransfers) {
                            // cannot happen with a single consumer peeking first, but never split a request
                            commit(batch, size);
                            batch.clear();
                            size = 0;
                        }
                        batch.add(next);
                        size += next.size();
                        continue;
                    }
                    if (size + next.size() > maxBatchTransfers) {
                        break;
                    }
                    batch.add(queue.poll());
                    size += next.size();
                }
                commit(batch, size);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("ledger batch loop failed", e);
            }
        }
    }

    private void commit(List<Submission> batch, int size) {
        if (batch.isEmpty()) {
            return;
        }
        queuedTransfers.addAndGet(-size);
        long start = System.nanoTime();
        Exception last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                // microseconds: what both databases store, so a time read back equals the time written
                List<List<TransferResult>> results = store.execute(batch, clock.instant().truncatedTo(ChronoUnit.MICROS));
                commitLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                batchSizes.record(size);
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer().complete(results.get(i));
                }
                return;
            } catch (SQLException e) {
                last = e;
                if (!isRetryable(e)) {
                    break;
                }
                log.debug("ledger batch attempt {} failed, retrying: {}", attempt, e.getMessage());
            } catch (RuntimeException e) {
                last = e;
                log.error("ledger batch of {} transfers failed", size, e);
                break;
            }
        }
        log.warn("ledger batch of {} transfers not committed: {}", size, last == null ? "" : last.getMessage());
        LedgerUnavailableException failure = new LedgerUnavailableException(
                "the ledger batch could not be committed; resubmit the same transfer ids", last);
        for (Submission s : batch) {
            s.answer().completeExceptionally(failure);
        }
    }

    /**
     * Worth another try: a concurrent batch on another node inserted one of our ids first (23xxx:
     * the retry then answers EXISTS), a deadlock or serialization failure (40xxx), a lost connection
     * before the commit (08xxx; the retry on a fresh connection re-reads everything, so a commit that
     * did land shows up as EXISTS).
     */
    private static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("40") || state.startsWith("08"));
    }

    /** False before start and from the moment shutdown begins draining the queue (readiness, LedgerHealth). */
    boolean isAccepting() {
        return accepting;
    }

    int queuedTransfers() {
        return queuedTransfers.get();
    }

    @Override
    public void start() {
        running = true;
        accepting = true;
        worker = Thread.ofPlatform().name("ledger-batcher").daemon(false).start(this::run);
    }

    @Override
    public void stop() {
        // drain: refuse new work, finish what is queued, then stop the writer
        accepting = false;
        running = false;
        if (worker != null) {
            try {
                if (!worker.join(drainTimeout)) {
                    log.warn("the ledger queue was not drained within {} ({} transfers left): they are answered busy, "
                            + "not acknowledged", drainTimeout, queuedTransfers.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Submission s;
        while ((s = queue.poll()) != null) {
            queuedTransfers.addAndGet(-s.size());
            s.answer().completeExceptionally(new LedgerBusyException("the ledger stopped before this request ran"));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop after the web server has stopped taking requests (web server phases are higher)
        return Integer.MAX_VALUE - 4096;
    }
}
