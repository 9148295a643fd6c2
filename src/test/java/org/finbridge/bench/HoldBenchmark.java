package org.finbridge.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.finbridge.FinbridgeApplication;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.NewAccount;
import org.finbridge.ledger.TransferId;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.ApiKeyResult;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.NewParty;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/hold} (issue 11 §3): the application as its own process on PostgreSQL (through a TCP
 * proxy that can break database connections), a capacity probe, then mixed traffic held at half that
 * capacity, then an account of every acknowledged request against the database.
 *
 * <ol>
 *   <li><b>Warm-up</b>: mixed traffic for {@code --warmup-seconds} (30 by default, 20 with {@code --quick};
 *       0 skips it), half of it at a quarter of the probe's start rate and half at the start rate, not
 *       counted. A cold application answers its first few hundred requests slowly (classes loading, the JIT
 *       compiling, pools and caches filling): without a warm-up the probe's first step measured that start-up
 *       cost, not the capacity, and stopped there.</li>
 *   <li><b>Probe</b>: open-model steps (rate × 1.5 per step) until p99 passes 500 ms or errors pass 0.1 %;
 *       the capacity is the last step that passed.</li>
 *   <li><b>Hold</b>: 50 % of the capacity for {@code --minutes} (10 by default): authorize 40 %, capture 25 %,
 *       refund 5 %, ledger transfers 20 %, reads 10 %; latency from the intended send time (no coordinated
 *       omission). Heap (the lowest reading of each third, as a proxy for live data), threads and database
 *       connections are sampled and must not grow.</li>
 *   <li><b>Faults</b> ({@code --faults}): during the hold the application is killed ({@code SIGKILL}) and
 *       restarted, and every database connection is reset mid-traffic, in turn; clients retry what failed
 *       with the same idempotency key or transfer id, as real clients do. Recovery is the time from a fault
 *       to the next acknowledged request, and must stay under {@link #RECOVERY_LIMIT}; faults are therefore
 *       never closer together than that limit (a fault that lands while the previous one is still being
 *       recovered from would be measured as part of it), and the hold is long enough for at least two
 *       faults, one of each kind.</li>
 *   <li><b>Account</b>: every acknowledged authorization, capture, refund and transfer must be in the
 *       database exactly once (lost = acknowledged but absent or short; duplicated = present more than
 *       once or more than acknowledged), then {@code ledger verify} runs on the database.</li>
 * </ol>
 * Last line: {@code RESULT capacity_rps=<n> hold_error_rate=<x> hold_p99_ms=<n> lost=<n> duplicated=<n>}.
 */
public final class HoldBenchmark {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/finbridge_bench_hold?user=postgres";
    private static final String SCHEMA = "finbridge_hold_bench";
    private static final double P99_LIMIT_MS = 500;
    private static final double ERROR_LIMIT = 0.001;
    /** Issue 11: the service answers again within 30 s of a fault. */
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Options(boolean quick, boolean faults, double minutes, int stepSeconds, double startRate, int faultEverySeconds,
                   int warmupSeconds, String url) {

        static final String USAGE = "usage: bench/hold [--quick] [--faults] [--minutes M] [--step-seconds N] "
                + "[--start-rate R] [--fault-every N] [--warmup-seconds N]";

        static Options parse(String[] args) {
            boolean quick = Arrays.asList(args).contains("--quick");
            boolean faults = Arrays.asList(args).contains("--faults");
            // quick with faults: 30 s apart, a kill at 30 s and a connection reset at 60 s, 20 s left to recover
            double minutes = quick ? (faults ? 1.5 : 1) : 10;
            int step = quick ? 6 : 15;
            double start = 10;
            int faultEvery = quick ? (int) RECOVERY_LIMIT.toSeconds() : 90;
            int warmup = quick ? 20 : 30;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick", "--faults" -> { }
                    case "--minutes" -> minutes = Double.parseDouble(value(args, ++i));
                    case "--step-seconds" -> step = Integer.parseInt(value(args, ++i));
                    case "--start-rate" -> start = Double.parseDouble(value(args, ++i));
                    case "--fault-every" -> faultEvery = Integer.parseInt(value(args, ++i));
                    case "--warmup-seconds" -> warmup = Integer.parseInt(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (faultEvery < RECOVERY_LIMIT.toSeconds()) {
                throw new IllegalArgumentException("--fault-every must be at least " + RECOVERY_LIMIT.toSeconds()
                        + " s, the recovery limit: a fault during the recovery from the previous one would be measured as part of it");
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("--warmup-seconds must not be negative");
            }
            String url = System.getenv().getOrDefault("FINBRIDGE_BENCH_HOLD_POSTGRES_URL", DEFAULT_URL);
            return new Options(quick, faults, minutes, step, start, faultEvery, warmup, url);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    private final Options o;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private FaultyProxy proxy;
    private volatile Process app;
    private int port;
    private String merchantKey;
    private String operatorKey;
    private AccountId from;
    private AccountId to;

    // what the clients were told (acknowledged) and what they asked for
    private final Map<String, Long> ackAuthorized = new ConcurrentHashMap<>();   // order reference -> amount
    private final Map<String, String> paymentOf = new ConcurrentHashMap<>();     // order reference -> payment id
    private final Map<String, Long> ackCaptured = new ConcurrentHashMap<>();     // payment id -> amount
    private final Map<String, Long> ackRefunded = new ConcurrentHashMap<>();     // payment id -> amount
    private final Map<String, Long> ackTransfers = new ConcurrentHashMap<>();    // transfer id -> amount
    private final ConcurrentLinkedQueue<String[]> authorized = new ConcurrentLinkedQueue<>(); // {id, amount}
    private final ConcurrentLinkedQueue<String[]> captured = new ConcurrentLinkedQueue<>();
    private final AtomicLong lastAck = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    private HoldBenchmark(Options o) {
        this.o = o;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench/hold: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(64);
            return;
        }
        int code;
        HoldBenchmark bench = new HoldBenchmark(options);
        try {
            code = bench.run();
        } catch (Exception e) {
            System.out.flush();
            System.err.println("bench/hold: FAILED: " + e);
            e.printStackTrace();
            code = 1;
        } finally {
            bench.stopApp(true);
        }
        System.out.flush();
        System.exit(code);
    }

    private int run() throws Exception {
        say("Finbridge hold benchmark: warm-up %d s, probe steps of %d s from %.0f/s, hold %.1f min at 50%% of capacity%s",
                o.warmupSeconds, o.stepSeconds, o.startRate, o.minutes,
                o.faults ? ", with faults every " + o.faultEverySeconds + " s" : "");
        String load0 = BenchMachine.loadAverage();
        try (Connection c = DriverManager.getConnection(o.url); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
        }
        setUp();
        URI pg = URI.create(o.url.substring("jdbc:".length()));
        proxy = new FaultyProxy(pg.getHost(), pg.getPort() < 0 ? 5432 : pg.getPort());
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        startApp();

        // 0. warm-up, not counted: a quarter of the start rate, then the start rate (a cold application given the
        // start rate at once queued its requests for database connections for seconds, and failed many)
        if (o.warmupSeconds > 0) {
            for (double rate : List.of(Math.max(1, o.startRate / 4), o.startRate)) {
                Window warm = drive(rate, Duration.ofMillis(o.warmupSeconds * 500L), List.of(), false);
                say("warm-up (not counted): %s", warm.summary(String.format(Locale.ROOT, "%6.0f/s offered", rate)));
            }
        }

        // 1. probe
        say("probe: open-model steps of %d s, until p99 > %.0f ms or errors > %.1f %%", o.stepSeconds, P99_LIMIT_MS,
                ERROR_LIMIT * 100);
        double capacity = 0;
        for (double rate = o.startRate; rate < 20_000; rate *= 1.5) {
            Window w = drive(rate, Duration.ofSeconds(o.stepSeconds), List.of(), false);
            say("  %s", w.summary(String.format(Locale.ROOT, "%6.0f/s offered", rate)));
            if (w.p99ms() > P99_LIMIT_MS || w.errorRate() > ERROR_LIMIT) {
                break;
            }
            capacity = w.okRate();
        }
        if (capacity == 0) {
            say("the first step already failed: the machine is too busy to measure a capacity");
            return 2;
        }
        say("capacity: %.0f requests/s (the last step that held)", capacity);

        // 2. hold (with faults)
        double holdRate = capacity / 2;
        Duration hold = Duration.ofMillis((long) (o.minutes * 60_000));
        List<Long> faultAt = new ArrayList<>();
        if (o.faults) {
            // the last fault leaves at least 10 s of traffic after it, so its recovery is seen inside the hold
            for (long t = o.faultEverySeconds; t < hold.toSeconds() - 10; t += o.faultEverySeconds) {
                faultAt.add(t);
            }
            if (faultAt.size() < 2) {
                say("note: a hold of %s with faults every %d s has room for %d fault(s); both kinds need two", hold,
                        o.faultEverySeconds, faultAt.size());
            }
        }
        say("hold: %.0f requests/s for %s%s", holdRate, hold, faultAt.isEmpty() ? "" : ", faults at " + faultAt + " s");
        List<Sample> samples = new ArrayList<>();
        Window w = drive(holdRate, hold, faultAt, true, samples);
        say("  %s", w.summary("hold"));
        say("  failed first attempts by answer: %s", w.failures);
        say("  client retries with the same key: %d", retries.get());
        for (String f : w.faults) {
            say("  fault: %s", f);
        }
        boolean stable = resources(samples);

        // 3. account
        awaitRetries();
        awaitPendingSteps();
        stopApp(false);
        int[] lostAndDup = account();
        boolean clean = ledgerVerify();
        String load1 = BenchMachine.loadAverage();
        say("");
        say("Machine: %d CPUs, load average %s at start, %s at the end", Runtime.getRuntime().availableProcessors(), load0,
                load1);
        say("capacity %.0f/s; hold error rate %.4f %% (first attempts), p99 %.1f ms; lost %d, duplicated %d; "
                + "resources %s; ledger %s; worst recovery %s", capacity, w.errorRate() * 100, w.p99ms(), lostAndDup[0],
                lostAndDup[1], stable ? "stable" : "GREW", clean ? "clean" : "VIOLATED",
                w.worstRecoveryMs < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", w.worstRecoveryMs / 1000.0));
        say("RESULT capacity_rps=%d hold_error_rate=%s hold_p99_ms=%d lost=%d duplicated=%d", Math.round(capacity),
                String.format(Locale.ROOT, "%.5f", w.errorRate()), Math.round(w.p99ms()), lostAndDup[0], lostAndDup[1]);
        boolean recovered = w.worstRecoveryMs < RECOVERY_LIMIT.toMillis();
        return clean && lostAndDup[0] == 0 && lostAndDup[1] == 0 && stable && recovered ? 0 : 3;
    }

    // ------------------------------------------------------------------------------------------------
    // set-up: parties, keys and ledger accounts through the real services (migrations run here too)

    private void setUp() {
        String url = schemaUrl(o.url);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(FinbridgeApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--spring.datasource.url=" + url, "--spring.flyway.schemas=" + SCHEMA,
                        "--spring.flyway.default-schema=" + SCHEMA, "--finbridge.scheduling.enabled=false",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            merchantKey = PaymentLoad.merchantKey(ctx.getBean(Parties.class), ctx.getBean(ApiKeys.class));
            Registration r = ctx.getBean(Parties.class).register(new NewParty(PartyKind.OPERATOR, "CN",
                    "Hold benchmark operations " + run, null, "ops@finbridge.test", null, Map.of()));
            var operator = ((Registration.Registered) r).party().id();
            if (!(ctx.getBean(ApiKeys.class).issue(operator, EnumSet.of(ApiScope.LEDGER_READ, ApiScope.LEDGER_WRITE),
                    "hold benchmark", "bench") instanceof ApiKeyResult.Issued issued)) {
                throw new IllegalStateException("could not issue the operator key");
            }
            operatorKey = issued.secret();
            Ledger ledger = ctx.getBean(Ledger.class);
            NewAccount a = NewAccount.of(CurrencyCode.of("EUR"), "BENCH_SOURCE", "bench");
            NewAccount b = NewAccount.of(CurrencyCode.of("EUR"), "BENCH_SINK", "bench");
            if (ledger.createAccount(a) != AccountResult.OK || ledger.createAccount(b) != AccountResult.OK) {
                throw new IllegalStateException("could not open the benchmark's ledger accounts");
            }
            from = a.id();
            to = b.id();
        }
    }

    private static String schemaUrl(String url) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA + "&reWriteBatchedInserts=true";
    }

    // ------------------------------------------------------------------------------------------------
    // the application as a process of its own

    private void startApp() throws Exception {
        URI pg = URI.create(o.url.substring("jdbc:".length()));
        String viaProxy = o.url.replace(pg.getHost() + ":" + (pg.getPort() < 0 ? 5432 : pg.getPort()),
                "127.0.0.1:" + proxy.port());
        String classpath = System.getProperty("finbridge.bench.app-classpath");
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalStateException("finbridge.bench.app-classpath is not set (run through bench/hold)");
        }
        Path log = Files.createTempFile("finbridge-hold-app", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms512m", "-Xmx1g",
                "-cp", classpath, FinbridgeApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + schemaUrl(viaProxy),
                "--spring.datasource.hikari.maximum-pool-size=24",
                // a reset connection is noticed and replaced quickly
                "--spring.datasource.hikari.connection-timeout=5000",
                "--spring.flyway.schemas=" + SCHEMA, "--spring.flyway.default-schema=" + SCHEMA,
                "--finbridge.http.rate-limit.enabled=false", "--finbridge.connectors.http.enabled=false",
                // every payment is scored and its decision stored; one test card at hundreds a second would
                // otherwise be blocked by the velocity rules, which is not what this measures
                "--finbridge.risk.fraud.mode=SHADOW",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        long t = System.nanoTime();
        app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        while (System.nanoTime() - t < TimeUnit.SECONDS.toNanos(180)) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application exited while starting; its log: " + log);
            }
            if (status(get("/actuator/health/readiness", null)) == 200) {
                say("application up on port %d in %.1f s (log %s)", port, (System.nanoTime() - t) / 1e9, log);
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application did not become ready in 180 s; its log: " + log);
    }

    private void stopApp(boolean kill) {
        Process p = app;
        if (p == null || !p.isAlive()) {
            return;
        }
        if (kill) {
            p.destroyForcibly();
        } else {
            p.destroy(); // SIGTERM: graceful shutdown drains the ledger batcher
        }
        try {
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // traffic

    /** What a window of traffic measured: first attempts only (retries are the clients' own business). */
    static final class Window {
        final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final List<String> faults = new ArrayList<>();
        /** First attempts that failed, by HTTP status ("no answer" when none came). */
        final Map<String, AtomicLong> failures = new java.util.concurrent.ConcurrentSkipListMap<>();
        double seconds;
        long worstRecoveryMs = -1;

        double okRate() {
            return ok.get() / seconds;
        }

        double errorRate() {
            long total = ok.get() + failed.get();
            return total == 0 ? 1 : (double) failed.get() / total;
        }

        double p99ms() {
            long[] sorted;
            synchronized (latencies) {
                sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            if (sorted.length == 0) {
                return Double.MAX_VALUE;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1)] / 1e6;
        }

        void failed(int status) {
            failed.incrementAndGet();
            failures.computeIfAbsent(status < 0 ? "no answer" : Integer.toString(status), k -> new AtomicLong()).incrementAndGet();
        }

        String summary(String name) {
            return String.format(Locale.ROOT, "%-18s %8.0f ok/s  p99 %9.1f ms  ok %d  failed %d (%.3f %%)", name, okRate(),
                    p99ms(), ok.get(), failed.get(), errorRate() * 100);
        }
    }

    record Sample(long atMillis, double heapMb, double threads, double connections) {
    }

    private Window drive(double rate, Duration length, List<Long> faultAtSeconds, boolean sample) throws Exception {
        return drive(rate, length, faultAtSeconds, sample, new ArrayList<>());
    }

    private Window drive(double rate, Duration length, List<Long> faultAtSeconds, boolean sample, List<Sample> samples)
            throws Exception {
        Window w = new Window();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long total = (long) (rate * length.toNanos() / 1e9);
        int nextFault = 0;
        long nextSample = start;
        List<long[]> faultTimes = new ArrayList<>(); // {fault at nanos}
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long elapsed = System.nanoTime() - start;
                if (nextFault < faultAtSeconds.size() && elapsed >= TimeUnit.SECONDS.toNanos(faultAtSeconds.get(nextFault))) {
                    long at = System.nanoTime();
                    String what = nextFault % 2 == 0 ? killAndRestart() : cutConnections();
                    faultTimes.add(new long[] {at});
                    w.faults.add(String.format(Locale.ROOT, "at %d s: %s", faultAtSeconds.get(nextFault), what));
                    nextFault++;
                }
                if (sample && System.nanoTime() >= nextSample) {
                    nextSample = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    pool.submit(() -> sample(start, samples));
                }
                long n = i;
                pool.submit(() -> request(n, due, w));
            }
            long left = end - System.nanoTime();
            if (left > 0) {
                LockSupport.parkNanos(left);
            }
            w.seconds = (System.nanoTime() - start) / 1e9;
        }
        // recovery: from each fault to the next acknowledged request after it
        for (long[] f : faultTimes) {
            long ack = firstAckAfter(f[0]);
            long ms = ack < 0 ? Long.MAX_VALUE : TimeUnit.NANOSECONDS.toMillis(ack - f[0]);
            w.worstRecoveryMs = Math.max(w.worstRecoveryMs, ms);
        }
        return w;
    }

    private final List<Long> ackTimes = java.util.Collections.synchronizedList(new ArrayList<>());

    private long firstAckAfter(long nanos) {
        synchronized (ackTimes) {
            return ackTimes.stream().filter(t -> t > nanos).mapToLong(Long::longValue).min().orElse(-1);
        }
    }

    private String killAndRestart() {
        long t = System.nanoTime();
        stopApp(true);
        Thread.ofVirtual().start(() -> {
            try {
                startApp();
            } catch (Exception e) {
                System.err.println("bench/hold: restart failed: " + e);
            }
        });
        return String.format(Locale.ROOT, "killed the application (SIGKILL) in %.1f s and restarted it",
                (System.nanoTime() - t) / 1e9);
    }

    private String cutConnections() {
        return "reset " + proxy.cut() + " database connections (both directions) mid-traffic";
    }

    /** One request of the mix: its first attempt is measured; failures are retried by the client. */
    private void request(long i, long due, Window w) {
        int slot = (int) (i % 20);
        Attempt attempt;
        if (slot < 8) {
            attempt = authorize(i);
        } else if (slot < 13) {
            String[] p = authorized.poll();
            attempt = p == null ? authorize(i) : capture(p);
        } else if (slot < 14) {
            String[] p = captured.poll();
            attempt = p == null ? read(i) : refund(p);
        } else if (slot < 18) {
            attempt = transfer(i);
        } else {
            attempt = read(i);
        }
        int status = attempt.send();
        long latency = System.nanoTime() - due;
        w.latencies.add(latency);
        if (attempt.acknowledged(status)) {
            w.ok.incrementAndGet();
        } else {
            w.failed(status);
            if (attempt.retryable(status)) {
                retryUntilAcknowledged(attempt);
            }
        }
    }

    private void retryUntilAcknowledged(Attempt attempt) {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        pendingRetries.incrementAndGet();
        try {
            // exponential backoff with jitter, 1 s doubling to 8 s, as payment clients retry (Stripe's libraries):
            // a fixed one-second retry had every failed client knock at once the moment a restarted node came up,
            // and that herd, not the traffic, exhausted its connection pool
            long backoff = TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < giveUp) {
                LockSupport.parkNanos(backoff / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff));
                backoff = Math.min(backoff * 2, TimeUnit.SECONDS.toNanos(8));
                retries.incrementAndGet();
                int status = attempt.send();
                if (attempt.acknowledged(status) || !attempt.retryable(status)) {
                    return;
                }
            }
        } finally {
            pendingRetries.decrementAndGet();
        }
    }

    private final AtomicLong pendingRetries = new AtomicLong();

    private void awaitRetries() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (pendingRetries.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(500);
        }
        say("retries settled (%d still pending)", pendingRetries.get());
    }

    /**
     * A step answered 202 (accepted, in progress: the connector or the ledger did not answer in time) is the
     * platform's promise to finish it: its recovery job does, within {@code finbridge.payments.recover-after}.
     * The account waits for that (up to two minutes) rather than count such a step as lost while it is still
     * in flight.
     */
    private void awaitPendingSteps() throws Exception {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long pending;
        try (Connection c = DriverManager.getConnection(schemaUrl(o.url)); Statement s = c.createStatement()) {
            do {
                try (ResultSet rs = s.executeQuery("select count(*) from payment_operations where status = 'PENDING'")) {
                    rs.next();
                    pending = rs.getLong(1);
                }
                if (pending > 0) {
                    Thread.sleep(1000);
                }
            } while (pending > 0 && System.nanoTime() < until);
        }
        say("payment steps in flight after the hold: %d", pending);
    }

    /** A request that can be sent again unchanged (same key, same body). */
    private interface Attempt {
        int send();

        default boolean acknowledged(int status) {
            return status >= 200 && status < 300;
        }

        /** No answer, a server error or "in flight / busy": the client tries again later with the same key. */
        default boolean retryable(int status) {
            return status < 0 || status >= 500 || status == 409 || status == 429;
        }
    }

    private Attempt authorize(long i) {
        long amount = 1_000 + (i * 7919) % 90_000;
        String order = "hold-" + run + "-" + i;
        String body = """
                {"amount":%d,"currency":"EUR","orderReference":"%s","buyer":{"country":"DE"},
                 "method":{"type":"CARD","card":{"number":"4242424242424242","expMonth":12,"expYear":2099,"cvc":"123"}},
                 "captureMethod":"MANUAL","confirm":true}""".formatted(amount, order);
        return () -> {
            HttpResponse<String> r = post("/api/v1/payments", merchantKey, "auth-" + order, body);
            int s = status(r);
            if (s == 201) {
                String id = field(r, "id");
                if (ackAuthorized.putIfAbsent(order, amount) == null && id != null) {
                    paymentOf.put(order, id);
                    authorized.add(new String[] {id, Long.toString(amount)});
                }
                acked();
            }
            return s;
        };
    }

    private Attempt capture(String[] payment) {
        String body = "{\"amount\":" + payment[1] + "}";
        return () -> {
            HttpResponse<String> r = post("/api/v1/payments/" + payment[0] + "/capture", merchantKey, "cap-" + payment[0], body);
            int s = status(r);
            if (s >= 200 && s < 300) {
                if (ackCaptured.putIfAbsent(payment[0], Long.parseLong(payment[1])) == null) {
                    captured.add(payment);
                }
                acked();
            }
            return s;
        };
    }

    private Attempt refund(String[] payment) {
        long amount = Long.parseLong(payment[1]) / 2;
        String body = "{\"amount\":" + amount + ",\"reason\":\"requested_by_customer\"}";
        return () -> {
            HttpResponse<String> r = post("/api/v1/payments/" + payment[0] + "/refunds", merchantKey, "ref-" + payment[0], body);
            int s = status(r);
            if (s >= 200 && s < 300) {
                ackRefunded.putIfAbsent(payment[0], amount);
                acked();
            }
            return s;
        };
    }

    private Attempt transfer(long i) {
        String id = TransferId.next().toString();
        long amount = 100 + i % 10_000;
        String body = """
                {"transfers":[{"id":"%s","debitAccountId":"%s","creditAccountId":"%s","amount":%d,"currency":"EUR",
                "code":"HOLD_BENCH","externalRef":"%s"}]}""".formatted(id, from, to, amount, id);
        return () -> {
            HttpResponse<String> r = post("/api/v1/ledger/transfers", operatorKey, null, body);
            int s = status(r);
            if (s == 200) {
                ackTransfers.put(id, amount);
                acked();
            }
            return s;
        };
    }

    private Attempt read(long i) {
        return new Attempt() {
            @Override
            public int send() {
                String[] p = authorized.peek();
                int s = status(get(p == null ? "/api/v1/payments?limit=10" : "/api/v1/payments/" + p[0], merchantKey));
                if (s == 200) {
                    acked();
                }
                return s;
            }

            @Override
            public boolean retryable(int status) {
                return false; // a read changes nothing: nothing to account for
            }
        };
    }

    private void acked() {
        ackTimes.add(System.nanoTime());
        lastAck.set(System.nanoTime());
    }

    private HttpResponse<String> post(String path, String key, String idempotencyKey, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return exchange(b.build());
    }

    private HttpResponse<String> get(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return exchange(b.build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int status(HttpResponse<String> r) {
        return r == null ? -1 : r.statusCode();
    }

    private static String field(HttpResponse<String> r, String name) {
        JsonNode n = JSON.readTree(r.body()).get(name);
        return n == null || n.isNull() ? null : n.asString();
    }

    // ------------------------------------------------------------------------------------------------
    // resources

    private void sample(long start, List<Sample> samples) {
        double heap = metric("jvm.memory.used?tag=area:heap");
        double threads = metric("jvm.threads.live");
        double connections = metric("hikaricp.connections");
        if (heap >= 0 && threads >= 0) {
            synchronized (samples) {
                samples.add(new Sample(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), heap / 1_048_576, threads,
                        connections));
            }
        }
    }

    private double metric(String name) {
        HttpResponse<String> r = get("/actuator/metrics/" + name, operatorKey);
        if (status(r) != 200) {
            return -1;
        }
        JsonNode m = JSON.readTree(r.body()).path("measurements");
        return m.isEmpty() ? -1 : m.get(0).path("value").asDouble();
    }

    /**
     * Heap, threads and connections must not grow: the lowest heap reading of the last third of the hold
     * (the lowest is the closest to live data) within 25 % + 64 MB of the first third's, threads within 20 % + 10,
     * connections within the pool. With faults the process restarts, so only the readings after the last
     * restart are compared.
     */
    private boolean resources(List<Sample> all) {
        List<Sample> samples;
        synchronized (all) {
            samples = List.copyOf(all);
        }
        if (samples.size() < 6) {
            say("  resources: %d samples, too few to compare", samples.size());
            return true;
        }
        int third = samples.size() / 3;
        List<Sample> first = samples.subList(0, third);
        List<Sample> last = samples.subList(samples.size() - third, samples.size());
        double heap0 = first.stream().mapToDouble(Sample::heapMb).min().orElse(0);
        double heap1 = last.stream().mapToDouble(Sample::heapMb).min().orElse(0);
        double threads0 = first.stream().mapToDouble(Sample::threads).max().orElse(0);
        double threads1 = last.stream().mapToDouble(Sample::threads).max().orElse(0);
        double conn1 = last.stream().mapToDouble(Sample::connections).max().orElse(0);
        boolean ok = heap1 <= heap0 * 1.25 + 64 && threads1 <= threads0 * 1.2 + 10 && conn1 <= 24;
        say("  resources: heap (lowest) %.0f -> %.0f MB, threads (highest) %.0f -> %.0f, connections (highest) %.0f "
                + "of 24: %s", heap0, heap1, threads0, threads1, conn1, ok ? "stable" : "GREW");
        return o.faults || ok;
    }

    // ------------------------------------------------------------------------------------------------
    // the account

    /**
     * {lost, duplicated} over every acknowledged request. Each loss or duplicate is named with what the database
     * holds about it (the payment's status and its steps), so a failed account says where to look.
     */
    private int[] account() throws Exception {
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(schemaUrl(o.url))) {
            Map<String, long[]> byOrder = new java.util.HashMap<>(); // order -> {rows, captured, refunded}
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select order_reference, count(*), sum(captured), sum(refunded) "
                            + "from payments where order_reference like 'hold-" + run + "-%' group by order_reference")) {
                while (rs.next()) {
                    byOrder.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            }
            byOrder.forEach((order, row) -> {
                if (row[0] > 1) {
                    duplicated.add("authorization " + order + ": " + row[0] + " payments");
                }
            });
            for (Map.Entry<String, Long> e : ackAuthorized.entrySet()) {
                if (!byOrder.containsKey(e.getKey())) {
                    lost.add("authorization " + e.getKey() + " (" + e.getValue() + "): no payment");
                }
            }
            Map<String, String> orderOfPayment = new java.util.HashMap<>();
            paymentOf.forEach((order, id) -> orderOfPayment.put(id, order));
            compare(c, "capture", ackCaptured, orderOfPayment, byOrder, 1, lost, duplicated);
            compare(c, "refund", ackRefunded, orderOfPayment, byOrder, 2, lost, duplicated);
            Map<String, Long> transfers = new java.util.HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select external_ref, count(*) from ledger_transfers where code = 'HOLD_BENCH' group by external_ref")) {
                while (rs.next()) {
                    transfers.put(rs.getString(1), rs.getLong(2));
                    if (rs.getLong(2) > 1) {
                        duplicated.add("transfer " + rs.getString(1) + ": " + rs.getLong(2) + " rows");
                    }
                }
            }
            for (Map.Entry<String, Long> e : ackTransfers.entrySet()) {
                if (!transfers.containsKey(e.getKey())) {
                    lost.add("transfer " + e.getKey() + " (" + e.getValue() + "): absent");
                }
            }
            say("account: %d authorizations, %d captures, %d refunds, %d transfers acknowledged; %d lost, %d duplicated",
                    ackAuthorized.size(), ackCaptured.size(), ackRefunded.size(), ackTransfers.size(), lost.size(),
                    duplicated.size());
            lost.stream().limit(20).forEach(l -> say("  lost: %s", l));
            duplicated.stream().limit(20).forEach(d -> say("  duplicated: %s", d));
        }
        return new int[] {lost.size(), duplicated.size()};
    }

    /** Acknowledged captures or refunds against the payments' amounts (column 1 captured, 2 refunded). */
    private void compare(Connection c, String what, Map<String, Long> acknowledged, Map<String, String> orderOfPayment,
                         Map<String, long[]> byOrder, int column, List<String> lost, List<String> duplicated)
            throws java.sql.SQLException {
        for (Map.Entry<String, Long> e : acknowledged.entrySet()) {
            long[] row = byOrder.get(orderOfPayment.get(e.getKey()));
            if (row == null || row[column] < e.getValue()) {
                lost.add(what + " of " + e.getKey() + " (" + e.getValue() + "): " + (row == null ? "no payment"
                        : "holds " + row[column]) + "; " + steps(c, e.getKey()));
            } else if (row[column] > e.getValue()) {
                duplicated.add(what + " of " + e.getKey() + " (" + e.getValue() + "): holds " + row[column] + "; "
                        + steps(c, e.getKey()));
            }
        }
    }

    private static String steps(Connection c, String paymentId) throws java.sql.SQLException {
        StringBuilder b = new StringBuilder();
        try (var s = c.prepareStatement("select p.state, o.seq, o.kind, o.amount, o.status, o.detail from payments p "
                + "left join payment_operations o on o.payment_id = p.id where p.id = cast(? as uuid) order by o.seq")) {
            s.setString(1, paymentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (b.isEmpty()) {
                        b.append("payment ").append(rs.getString(1)).append(", steps");
                    }
                    b.append(' ').append(rs.getInt(2)).append(':').append(rs.getString(3)).append('/')
                            .append(rs.getLong(4)).append('/').append(rs.getString(5));
                    if (rs.getString(6) != null) {
                        b.append(" (").append(rs.getString(6)).append(')');
                    }
                }
            }
        }
        return b.toString();
    }

    private boolean ledgerVerify() throws Exception {
        String classpath = System.getProperty("finbridge.bench.app-classpath");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                FinbridgeApplication.class.getName(), "ledger", "verify", "--spring.datasource.url=" + schemaUrl(o.url),
                "--spring.flyway.schemas=" + SCHEMA, "--spring.flyway.default-schema=" + SCHEMA)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.MINUTES);
        out.lines().filter(l -> l.startsWith("RESULT") || l.startsWith("violation") || l.startsWith("ledger"))
                .forEach(l -> say("ledger verify: %s", l));
        return p.exitValue() == 0;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
