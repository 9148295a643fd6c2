package org.finbridge.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;

/**
 * The API benchmark's load generator, in the benchmark's JVM.
 *
 * <p>{@link #open} is an <b>open model</b>: request {@code i} is due at {@code start + i / rate}
 * whatever happened to the ones before, and its latency is measured from that intended send time, not
 * from when it was actually sent. A server that stalls for 200 ms therefore shows 200 ms of latency for
 * every request that fell due during the stall (Gil Tene's coordinated omission; wrk2's -R model). The
 * scheduler never waits for an answer: each request runs on its own virtual thread.
 *
 * <p>{@link #closed} is a closed model (N clients, each sending its next request when the last one was
 * answered): it finds the most a path can take, which is what the throughput ratio compares.
 */
final class HttpLoad {

    /** What one run measured. Latencies in nanoseconds, sorted. */
    record Run(String name, double seconds, long ok, long failed, long late, long[] latencies, String firstFailure) {

        double rps() {
            return ok / seconds;
        }

        long percentile(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))];
        }

        double ms(double p) {
            return percentile(p) / 1e6;
        }

        String summary() {
            return String.format(Locale.ROOT, "%-44s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  max %8.2f ms  ok %d  failed %d%s",
                    name, rps(), ms(50), ms(99), ms(99.9), ms(100), ok, failed,
                    late > 0 ? "  (" + late + " not sent: in-flight cap)" : "");
        }
    }

    private final HttpClient http;

    HttpLoad() {
        // HTTP/1.1 with keep-alive, as a merchant's server would call; no h2c upgrade attempt on plain http
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    /** Sends one request and answers its status code, or -1 when it failed to send. */
    int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Sends one request and answers the response body (for checks outside the timed runs). */
    HttpResponse<String> exchange(HttpRequest request) throws java.io.IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Open model: {@code rate} requests per second for {@code duration}, request {@code i} built by
     * {@code requests}. At most {@code maxInFlight} requests wait at once: beyond that a due request is
     * counted as late and as failed (the run is overloaded; its percentiles then understate, so it is
     * reported).
     */
    Run open(String name, double rate, Duration duration, int maxInFlight, LongFunction<HttpRequest> requests,
             IntPredicate success) throws InterruptedException {
        long total = Math.max(1, (long) (rate * duration.toNanos() / 1e9));
        long interval = (long) (1e9 / rate);
        AtomicLongArray latencies = new AtomicLongArray((int) total);
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong late = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong lastEnd = new AtomicLong();
        StringBuffer firstFailure = new StringBuffer();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long intended = start + i * interval;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (inFlight.get() >= maxInFlight) {
                    late.incrementAndGet();
                    failed.incrementAndGet();
                    continue;
                }
                inFlight.incrementAndGet();
                long n = i;
                threads.execute(() -> {
                    int status = send(requests.apply(n));
                    long end = System.nanoTime();
                    inFlight.decrementAndGet();
                    lastEnd.accumulateAndGet(end, Math::max);
                    latencies.set(recorded.getAndIncrement(), end - intended);
                    if (success.test(status)) {
                        ok.incrementAndGet();
                    } else if (failed.incrementAndGet() == 1) {
                        firstFailure.append("HTTP ").append(status);
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(60, TimeUnit.SECONDS);
        }
        // the run lasts until its last answer: a server that falls behind shows a lower rate
        double seconds = Math.max(duration.toNanos(), lastEnd.get() - start) / 1e9;
        return new Run(name, seconds, ok.get(), failed.get(), late.get(), sorted(latencies, recorded.get()),
                firstFailure.toString());
    }

    /** Closed model: {@code clients} loops for {@code duration}. */
    Run closed(String name, int clients, Duration duration, LongFunction<HttpRequest> requests, IntPredicate success)
            throws InterruptedException {
        return closed(name, clients, duration, Long.MAX_VALUE, requests, success);
    }

    /** Closed model: {@code clients} loops for {@code duration} or until {@code maxRequests} were sent. */
    Run closed(String name, int clients, Duration duration, long maxRequests, LongFunction<HttpRequest> requests,
               IntPredicate success) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[][] perClient = new long[clients][];
        int[] counts = new int[clients];
        StringBuffer firstFailure = new StringBuffer();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int me = c;
            perClient[c] = new long[1 << 12];
            threads[c] = Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    long n = sequence.getAndIncrement();
                    if (n >= maxRequests) {
                        break;
                    }
                    HttpRequest r = requests.apply(n);
                    long t0 = System.nanoTime();
                    int status = send(r);
                    long t1 = System.nanoTime();
                    if (counts[me] == perClient[me].length) {
                        perClient[me] = Arrays.copyOf(perClient[me], perClient[me].length * 2);
                    }
                    perClient[me][counts[me]++] = t1 - t0;
                    if (success.test(status)) {
                        ok.incrementAndGet();
                    } else if (failed.incrementAndGet() == 1) {
                        firstFailure.append("HTTP ").append(status);
                    }
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = Arrays.stream(counts).sum();
        long[] all = new long[n];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Run(name, seconds, ok.get(), failed.get(), 0, all, firstFailure.toString());
    }

    private static long[] sorted(AtomicLongArray a, int n) {
        long[] out = new long[Math.min(n, a.length())];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        Arrays.sort(out);
        return out;
    }
}
