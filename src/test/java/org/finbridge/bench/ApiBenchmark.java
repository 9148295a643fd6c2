package org.finbridge.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.finbridge.FinbridgeApplication;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.Parties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The API benchmark ({@code bench/api}): the payments path over HTTP — authorize and capture with an
 * Idempotency-Key, risk hook, routing to the zero-latency simulated card acquirer, ledger hold and post
 * — against a bare HTTP+JSON endpoint of the same application, in one run on one machine with
 * PostgreSQL and the load generator beside it. Not a unit test: run it through {@code bench/api}.
 *
 * <ol>
 *   <li>throughput: each path at saturation (closed model, the same number of clients);</li>
 *   <li>sustained authorizations: an open model at the target rate, latency from the intended send time;</li>
 *   <li>idempotent replay: one client sends first calls, then the same keys and bodies again; the
 *       replays' p50 against the first calls', and the rows the replays wrote (PostgreSQL's tuple
 *       counters for the benchmark's database).</li>
 * </ol>
 */
public final class ApiBenchmark {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/finbridge_bench_api?user=postgres";
    private static final String SCHEMA = "finbridge_api_bench";
    /** pgbench's database, shared with bench/ledger's baseline (pgbench initialises its tables afresh). */
    private static final String TPCB_DATABASE = "finbridge_bench_tpcb";
    /** TPC-B clients, and its scale (one branch row per client, so that they do not queue on one row). */
    private static final int TPCB_CLIENTS = 16;

    static final double TARGET_FULL_VS_BARE = 0.5;
    static final double TARGET_RPS = 500;
    static final double TARGET_P99_MS = 50;
    static final double TARGET_REPLAY_VS_FIRST = 0.2;

    record Options(boolean quick, int seconds, int warmup, int clients, double rate, int pool, int replays,
                   int pgbenchSeconds, String url) {

        static final String USAGE = "usage: bench/api [--quick] [--seconds N] [--warmup N] [--clients N] [--rate R] "
                + "[--pool N] [--replays N] [--pgbench-seconds N (0: no TPC-B baseline)]";

        static Options parse(String[] args) {
            boolean quick = Arrays.asList(args).contains("--quick");
            int seconds = quick ? 5 : 30;
            int warmup = quick ? 5 : 20;
            int clients = 32;
            double rate = TARGET_RPS;
            int pool = 24;
            int replays = quick ? 100 : 500;
            int pgbenchSeconds = quick ? 5 : 20;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> { }
                    case "--seconds" -> seconds = Integer.parseInt(value(args, ++i));
                    case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                    case "--clients" -> clients = Integer.parseInt(value(args, ++i));
                    case "--rate" -> rate = Double.parseDouble(value(args, ++i));
                    case "--pool" -> pool = Integer.parseInt(value(args, ++i));
                    case "--replays" -> replays = Integer.parseInt(value(args, ++i));
                    case "--pgbench-seconds" -> pgbenchSeconds = Integer.parseInt(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            String url = System.getenv().getOrDefault("FINBRIDGE_BENCH_API_POSTGRES_URL", DEFAULT_URL);
            return new Options(quick, seconds, warmup, clients, rate, pool, replays, pgbenchSeconds, url);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    private final Options o;
    /** The benchmark's server, for pgbench. */
    private final PgUrl server;

    private ApiBenchmark(Options o) {
        this.o = o;
        this.server = PgUrl.parse(o.url);
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench/api: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(64);
            return;
        }
        int code;
        try {
            code = new ApiBenchmark(options).run();
        } catch (Exception e) {
            System.out.flush();
            System.err.println("bench/api: FAILED: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    private int run() throws Exception {
        say("Finbridge API benchmark: %d s per run (+%d s warm-up), %d clients at saturation, open model at %.0f/s, "
                + "pool %d, %s", o.seconds, o.warmup, o.clients, o.rate, o.pool, o.quick ? "quick" : "full");
        try (Connection c = DriverManager.getConnection(o.url); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            for (String name : List.of("fsync", "synchronous_commit", "server_version")) {
                try (ResultSet rs = s.executeQuery("show " + name)) {
                    rs.next();
                    say("  %-20s %s", name, rs.getString(1));
                }
            }
        }
        boolean tpcbReady = o.pgbenchSeconds > 0 && tpcbInit();
        String load0 = loadAverage();
        PgBench.Tpcb tpcb = null;
        HttpLoad.Run bare;
        HttpLoad.Run full;
        HttpLoad.Run open;
        HttpLoad.Run first;
        HttpLoad.Run replay;
        Writes replayWrites;
        boolean clean;
        try (ConfigurableApplicationContext ctx = start()) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            PaymentLoad load = new PaymentLoad(port, PaymentLoad.merchantKey(ctx.getBean(Parties.class), ctx.getBean(ApiKeys.class)));
            HttpLoad http = new HttpLoad();
            awaitStartupWork(ctx);

            say("warming up (%d s per path) ...", o.warmup);
            Duration warm = Duration.ofSeconds(o.warmup);
            http.closed("warm-up bare", o.clients, warm.dividedBy(2), load::bare, PaymentLoad::ok);
            http.closed("warm-up full", o.clients, warm, i -> load.authorizeAndCapture("warm", i), PaymentLoad::created);
            analyze();

            Duration d = Duration.ofSeconds(o.seconds);
            bare = report(http.closed("bare endpoint, saturation", o.clients, d, load::bare, PaymentLoad::ok));
            try (ConnectionSampler db = new ConnectionSampler(o.url)) {
                full = report(http.closed("authorize+capture, saturation", o.clients, d,
                        i -> load.authorizeAndCapture("sat", i), PaymentLoad::created));
                say("  database connections during that run (mean count per 100 ms sample, by state and wait): %s",
                        db.summary());
            }
            if (tpcbReady) {
                tpcb = tpcb();
            }
            open = report(http.open(String.format(Locale.ROOT, "authorize+capture, open model %.0f/s", o.rate), o.rate, d,
                    4_000, i -> load.authorizeAndCapture("open", i), PaymentLoad::created));

            drain();
            say("idempotent replay: %d first calls, then the same keys and bodies again, one client ...", o.replays);
            first = report(http.closed("first calls (1 client)", 1, Duration.ofSeconds(600), o.replays,
                    i -> load.authorizeAndCapture("replay", i), PaymentLoad::created));
            quiesce();
            // the background's own writes (jobs, outbox) over an idle window as long as the replay window
            Writes idleStart = writes();
            Map<String, Long> idleTables = tableWrites();
            Thread.sleep(QUIESCE_MILLIS);
            Writes idle = writes().minus(idleStart);
            Map<String, Long> idleByTable = minus(tableWrites(), idleTables);
            Writes before = writes();
            Map<String, Long> beforeTables = tableWrites();
            replay = report(http.closed("replays (1 client)", 1, Duration.ofSeconds(600), o.replays,
                    i -> load.authorizeAndCapture("replay", i), PaymentLoad::created));
            quiesce();
            replayWrites = writes().minus(before);
            Map<String, Long> replayByTable = minus(tableWrites(), beforeTables);
            say("  rows written in an idle window (background jobs): %d inserted, %d updated, %d deleted %s",
                    idle.inserted, idle.updated, idle.deleted, idleByTable);
            say("  rows written while replaying (same length + replays): %d inserted, %d updated, %d deleted (%d transactions, "
                    + "reads included) %s", replayWrites.inserted, replayWrites.updated, replayWrites.deleted,
                    replayWrites.commits, replayByTable);
            replayWrites = replayWrites.minus(idle);

            long t = System.nanoTime();
            LedgerInvariants.Report report = ctx.getBean(LedgerInvariants.class).sweep();
            say("ledger invariant sweep (%.1f s): %s", (System.nanoTime() - t) / 1e9, report.isClean() ? "CLEAN" : report);
            clean = report.isClean();
        }
        String load1 = loadAverage();

        double fullVsBare = full.rps() / bare.rps();
        double replayVsFirst = (double) replay.percentile(50) / first.percentile(50);
        long writes = replayWrites.inserted + replayWrites.updated + replayWrites.deleted;
        say("");
        say("Machine: %d CPUs, load average %s at start, %s at the end (with the benchmark's own load)%s",
                Runtime.getRuntime().availableProcessors(), load0, load1,
                busy(load0) ? "; other work was running at start: figures are noisy" : "");
        for (HttpLoad.Run r : List.of(bare, full, open, first, replay)) {
            say("  %s", r.summary());
        }
        if (tpcb != null) {
            say("  pgbench TPC-B, PostgreSQL alone (%d clients)     %8.0f tx/s  latency average %.2f ms", TPCB_CLIENTS,
                    tpcb.tps(), tpcb.latencyMs());
            say("  an authorize+capture at saturation cost the machine %.1f TPC-B transactions (pgbench tx/s / payments/s);"
                    + " %.0f/s would allow %.1f, application and load generator included", tpcb.tps() / full.rps(),
                    TARGET_RPS, tpcb.tps() / TARGET_RPS);
        }
        say("");
        say("Targets                                                value     target");
        verdict("full_vs_bare    (authorize+capture / bare, saturation)", two(fullVsBare), fullVsBare >= TARGET_FULL_VS_BARE,
                ">= " + TARGET_FULL_VS_BARE);
        boolean sustained = open.rps() >= TARGET_RPS * 0.98 && open.failed() == 0;
        verdict("authorize_rps   (open model, all answered 201)", String.format(Locale.ROOT, "%.0f", open.rps()), sustained,
                ">= " + (int) TARGET_RPS);
        verdict("p99_ms          (open model, from intended send time)", two(open.ms(99)), open.ms(99) <= TARGET_P99_MS,
                "<= " + (int) TARGET_P99_MS);
        verdict("replay_vs_first (p50 replay / p50 first call)", two(replayVsFirst), replayVsFirst <= TARGET_REPLAY_VS_FIRST,
                "<= " + TARGET_REPLAY_VS_FIRST);
        // below zero when the background wrote less during the replays than in the idle window: the replays wrote nothing
        verdict("replay writes   (rows written, less the idle window's)", String.valueOf(Math.max(0, writes)), writes <= 0, "== 0");
        say("Invariant sweep: %s", clean ? "clean" : "VIOLATIONS FOUND");
        say("RESULT full_vs_bare=%s authorize_rps=%d p99_ms=%s replay_vs_first=%s",
                two(fullVsBare), Math.round(open.rps()), two(open.ms(99)), two(replayVsFirst));
        return clean ? 0 : 3;
    }

    /**
     * The database's own ceiling on this machine, measured in this run: pgbench's TPC-B (three updates, a select
     * and an insert, one commit) with both cores to PostgreSQL and nothing else running. Put next to the payments'
     * rate, it says how many such transactions' worth of machine one authorize-and-capture costs, a figure that
     * moves less with the machine's load than either rate does.
     */
    private boolean tpcbInit() throws Exception {
        if (PgBench.tool("pgbench") == null) {
            say("pgbench not found: the TPC-B baseline is skipped");
            return false;
        }
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + TPCB_DATABASE + "'")) {
            if (!rs.next()) {
                s.execute("create database " + TPCB_DATABASE);
            }
        }
        say("pgbench: initialising %s at scale %d (before the application starts) ...", TPCB_DATABASE, TPCB_CLIENTS);
        PgBench.init(server, TPCB_DATABASE, TPCB_CLIENTS);
        return true;
    }

    private PgBench.Tpcb tpcb() throws Exception {
        say("pgbench: TPC-B, %d clients, %d s, the application idle ...", TPCB_CLIENTS, o.pgbenchSeconds);
        PgBench.Tpcb t = PgBench.tpcb(server, TPCB_DATABASE, TPCB_CLIENTS, o.pgbenchSeconds);
        say("  pgbench TPC-B                                    %8.0f tx/s  latency average %.2f ms", t.tps(), t.latencyMs());
        return t;
    }

    private ConfigurableApplicationContext start() {
        String url = o.url + (o.url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA + "&reWriteBatchedInserts=true";
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.hikari.maximum-pool-size=" + o.pool,
                "--spring.flyway.schemas=" + SCHEMA,
                "--spring.flyway.default-schema=" + SCHEMA,
                "--finbridge.bench.bare-endpoint=true",
                // the load comes from one key and one address: the per-client limits would measure themselves
                "--finbridge.http.rate-limit.enabled=false",
                // the path routes to a zero-latency simulated connector: the in-process ones
                "--finbridge.connectors.http.enabled=false",
                // every payment is still scored and its decision stored; one test card at benchmark pace
                // would otherwise be blocked by the velocity rules after its tenth payment
                "--finbridge.risk.fraud.mode=SHADOW",
                "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false",
                "--logging.level.root=WARN"));
        say("finbridge: starting the application on schema %s ...", SCHEMA);
        return new SpringApplicationBuilder(FinbridgeApplication.class).logStartupInfo(false).run(args.toArray(String[]::new));
    }

    /**
     * A fresh database makes the application import the ECB rate history in the background (some
     * 200,000 rows): it would compete for the CPU with whichever runs it overlaps, so every run starts
     * after it. Asking for a reference rate waits for the import.
     */
    private static void awaitStartupWork(ConfigurableApplicationContext ctx) {
        long t = System.nanoTime();
        ctx.getBean(org.finbridge.fx.ReferenceRates.class).rate(org.finbridge.money.CurrencyCode.of("USD"),
                org.finbridge.money.CurrencyCode.of("EUR"), java.time.LocalDate.of(2024, 3, 15));
        say("startup work (reference rate import) done after %.1f s", (System.nanoTime() - t) / 1e9);
    }

    private HttpLoad.Run report(HttpLoad.Run r) {
        say("  %s%s", r.summary(), r.firstFailure().isEmpty() ? "" : "  first failure: " + r.firstFailure());
        return r;
    }

    /**
     * Samples pg_stat_activity every 100 ms: where the application's connections are (running, waiting
     * for a lock or for the WAL to be flushed, or idle, waiting for the application), to tell a database
     * bottleneck from an application one.
     */
    private static final class ConnectionSampler implements AutoCloseable {

        private final Map<String, Long> counts = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicLong samples = new java.util.concurrent.atomic.AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        ConnectionSampler(String url) {
            thread = Thread.ofPlatform().daemon().name("bench-pg-sampler").start(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    while (running) {
                        try (ResultSet rs = s.executeQuery("select coalesce(state, '?') || ' ' || coalesce(wait_event_type"
                                + " || ':' || wait_event, 'on-cpu') from pg_stat_activity where datname = current_database()"
                                + " and pid <> pg_backend_pid() and backend_type = 'client backend'")) {
                            while (rs.next()) {
                                counts.merge(rs.getString(1), 1L, Long::sum);
                            }
                        }
                        samples.incrementAndGet();
                        Thread.sleep(100);
                    }
                } catch (SQLException | InterruptedException e) {
                    counts.put("sampler stopped: " + e, 0L);
                }
            });
        }

        String summary() {
            long n = Math.max(1, samples.get());
            StringBuilder b = new StringBuilder();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> b.append(b.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                            .append(String.format(Locale.ROOT, "%.1f", (double) e.getValue() / n)));
            return b.append(" (").append(n).append(" samples)").toString();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(2_000);
        }
    }

    record Writes(long inserted, long updated, long deleted, long commits) {
        Writes minus(Writes b) {
            return new Writes(inserted - b.inserted, updated - b.updated, deleted - b.deleted, commits - b.commits);
        }
    }

    private Writes writes() throws SQLException {
        try (Connection c = DriverManager.getConnection(o.url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select tup_inserted, tup_updated, tup_deleted, xact_commit from pg_stat_database "
                     + "where datname = current_database()")) {
            rs.next();
            return new Writes(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    /**
     * An overloaded open-model run leaves requests the server still works on after their clients gave
     * up: wait until no payment is being created or has a step in progress for three seconds (at most
     * two minutes), so that work is not counted against the replays.
     */
    private void drain() throws SQLException, InterruptedException {
        long t = System.nanoTime();
        String last = "";
        int stable = 0;
        while (stable < 3 && System.nanoTime() - t < 120_000_000_000L) {
            String now;
            try (Connection c = DriverManager.getConnection(o.url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select (select count(*) from " + SCHEMA + ".payments), (select count(*) from "
                         + SCHEMA + ".payment_operations where status = 'PENDING')")) {
                rs.next();
                now = rs.getLong(1) + "/" + rs.getLong(2);
                stable = now.equals(last) && rs.getLong(2) == 0 ? stable + 1 : 0;
            }
            last = now;
            Thread.sleep(1_000);
        }
        say("server drained after %.1f s (payments/steps in progress: %s)", (System.nanoTime() - t) / 1e9, last);
    }

    /**
     * PostgreSQL publishes a busy backend's counters at most once a second and an idle one's after up to
     * ten seconds: the counters are read only when every connection has been idle that long.
     */
    private void quiesce() throws InterruptedException {
        Thread.sleep(QUIESCE_MILLIS);
    }

    private static final long QUIESCE_MILLIS = 11_000;

    /** Rows inserted + updated + deleted per table of the benchmark's schema, as PostgreSQL counts them. */
    private Map<String, Long> tableWrites() throws SQLException {
        Map<String, Long> m = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(o.url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables "
                     + "where schemaname = '" + SCHEMA + "'")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
        }
        return m;
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((t, n) -> {
            long delta = n - before.getOrDefault(t, 0L);
            if (delta != 0) {
                d.put(t, delta);
            }
        });
        return d;
    }

    private void analyze() throws SQLException {
        try (Connection c = DriverManager.getConnection(o.url); Statement s = c.createStatement()) {
            s.execute("set search_path = " + SCHEMA);
            s.execute("analyze");
        }
    }

    private static void verdict(String label, String value, boolean met, String target) {
        say("  %-55s %8s   %-7s %s", label, value, target, met ? "met" : "MISSED");
    }

    private static String two(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static boolean busy(String load) {
        try {
            return Double.parseDouble(load.split(" ")[0]) > 0.5;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
