package org.finbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.finbridge.FinbridgeApplication;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerBusyException;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.ledger.NewAccount;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.CurrencyCode;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ledger benchmark ({@code bench/ledger}): Finbridge's batched ledger against a naive
 * one-transaction-per-transfer design, pgbench TPC-B and a raw JDBC single stream, all on the same
 * PostgreSQL server in one run. Not a unit test: run it through {@code bench/ledger}.
 *
 * <p>Durability is part of the result: the benchmark refuses to report when the server runs with
 * {@code fsync} or {@code synchronous_commit} off.
 */
public final class LedgerBenchmark {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/finbridge_bench?user=postgres";
    private static final String LEDGER_SCHEMA = "finbridge_ledger_bench";
    private static final String NAIVE_SCHEMA = "finbridge_naive_bench";
    private static final String TPCB_DATABASE = "finbridge_bench_tpcb";
    private static final String[] CURRENCIES = {"EUR", "USD", "CNY"};
    private static final String CODE = "BENCH";

    // targets from the issue
    private static final double TARGET_BATCHED_VS_NAIVE = 10.0;
    private static final double TARGET_HOT_VS_UNIFORM = 0.7;
    private static final double TARGET_UNBATCHED_VS_TPCB = 1.5;
    private static final double TARGET_SINGLE_VS_RAW = 0.5;

    private final Options o;
    private final PgUrl url;

    private LedgerBenchmark(Options options) {
        this.o = options;
        this.url = PgUrl.parse(options.url);
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench/ledger: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(64);
            return;
        }
        int code;
        try {
            code = new LedgerBenchmark(options).run();
        } catch (Exception e) {
            System.out.flush();
            System.err.println("bench/ledger: FAILED: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    // ---------------------------------------------------------------------------------------------
    // the run

    private int run() throws Exception {
        String load0 = BenchMachine.loadAverage();
        say("Finbridge ledger benchmark: %d s per run (+%d s warm-up), %d clients, %d accounts per currency, %s",
                o.seconds, o.warmup, o.clients, o.accountsPerCurrency, o.quick ? "quick" : "full");
        say("PostgreSQL: %s", url.redacted());

        Map<String, String> settings = durability();
        settings.forEach((k, v) -> say("  %-20s %s", k, v));
        if ("off".equalsIgnoreCase(settings.get("fsync")) || "off".equalsIgnoreCase(settings.get("synchronous_commit"))) {
            System.err.println("bench/ledger: REFUSED: the server runs with fsync=" + settings.get("fsync")
                    + " synchronous_commit=" + settings.get("synchronous_commit")
                    + "; commits are not durable, so no figure would mean anything. Turn both on and run again.");
            return 2;
        }

        String fsyncFloor = fsyncFloor(settings.get("data_directory"));
        say("pg_test_fsync floor: %s", fsyncFloor);

        // setup first (untimed), then every ratio's two runs back to back, so that a change in the
        // machine's background load between runs does not land in a ratio
        boolean tpcbReady = pgbenchInit();
        createNaiveTables(o.accountsPerCurrency * CURRENCIES.length);
        Row tpcb = null;
        Row naive;
        Row raw;
        Row single;
        Row unbatched;
        Row batched;
        Row uniformPairs;
        Row hot;
        boolean clean = true;
        try (ConfigurableApplicationContext ctx = startFinbridge()) {
            Ledger ledger = ctx.getBean(Ledger.class);
            LedgerInvariants invariants = ctx.getBean(LedgerInvariants.class);
            Accounts accounts = openAccounts(ledger);
            int size = o.requestSize;
            int pairs = size / 2;

            analyzeNaive();
            raw = rawSingleStream();
            analyzeLedger();
            single = measure("finbridge single stream", 1, "1",
                    () -> ledgerClient(ledger, rnd -> List.of(uniform(rnd, accounts))));
            clean &= sweep(invariants, single);

            if (tpcbReady) {
                tpcb = pgbenchRun();
            }
            analyzeLedger();
            unbatched = measure("finbridge " + o.clients + " clients unbatched", o.clients, "1",
                    () -> ledgerClient(ledger, rnd -> List.of(uniform(rnd, accounts))));
            clean &= sweep(invariants, unbatched);

            analyzeNaive();
            naive = naive();
            analyzeLedger();
            batched = measure("finbridge batched (uniform)", o.clients, String.valueOf(size),
                    () -> ledgerClient(ledger, rnd -> {
                        List<Transfer> request = new ArrayList<>(size);
                        for (int i = 0; i < size; i++) {
                            request.add(uniform(rnd, accounts));
                        }
                        return request;
                    }));
            clean &= sweep(invariants, batched);

            analyzeLedger();
            uniformPairs = measure("finbridge batched linked pairs, uniform", o.clients, String.valueOf(2 * pairs),
                    () -> ledgerClient(ledger, rnd -> pairs(rnd, accounts, pairs, false)));
            clean &= sweep(invariants, uniformPairs);
            analyzeLedger();
            hot = measure("finbridge batched linked pairs, hot fee acct", o.clients, String.valueOf(2 * pairs),
                    () -> ledgerClient(ledger, rnd -> pairs(rnd, accounts, pairs, true)));
            clean &= sweep(invariants, hot);
        }
        String load1 = BenchMachine.loadAverage();
        List<Row> ledgerRows = List.of(single, unbatched, batched, uniformPairs, hot);

        say("");
        say("Durability: fsync=%s synchronous_commit=%s wal_sync_method=%s full_page_writes=%s; pg_test_fsync floor %s",
                settings.get("fsync"), settings.get("synchronous_commit"), settings.get("wal_sync_method"),
                settings.get("full_page_writes"), fsyncFloor);
        say("Machine: %d CPUs, load average %s at start, %s at the end (with the benchmark's own load)%s",
                Runtime.getRuntime().availableProcessors(), load0, load1,
                BenchMachine.busy(load0) ? "; other work was running at start: figures are noisy" : "");
        say("");
        say("%-44s %7s %8s %12s %9s %9s %9s %11s %7s", "run", "clients", "req size", "transfers/s", "avg ms", "p50 ms",
                "p99 ms", "transfers", "failed");
        say("%s", "-".repeat(124));
        List<Row> all = new ArrayList<>();
        if (tpcb != null) {
            all.add(tpcb);
        }
        all.add(naive);
        all.add(raw);
        all.addAll(ledgerRows);
        for (Row r : all) {
            say("%-44s %7d %8s %12.0f %9s %9s %9s %11d %7d", r.name, r.clients, r.requestSize, r.tps(), ms(r.avgNanos),
                    ms(r.p50Nanos), ms(r.p99Nanos), r.transfers, r.failed);
        }
        say("%s", "-".repeat(124));
        say("(pgbench counts TPC-B transactions; its latency is pgbench's 'latency average'. Latencies are per call:");
        say(" per transaction for the baselines, per Ledger.submit for Finbridge, i.e. until the batch holding it committed.");
        say(" Every run starts, untimed, after ANALYZE of its tables: the schemas are created fresh for each benchmark.)");
        say("");

        double batchedVsNaive = batched.tps() / naive.tps();
        double hotVsUniform = hot.tps() / uniformPairs.tps();
        double unbatchedVsTpcb = tpcb == null ? Double.NaN : unbatched.tps() / tpcb.tps();
        double singleVsRaw = single.tps() / raw.tps();
        say("Ratios                                   value    target");
        ratio("batched_vs_naive   (batched / naive)", batchedVsNaive, TARGET_BATCHED_VS_NAIVE);
        ratio("hot_vs_uniform     (hot pairs / uniform pairs)", hotVsUniform, TARGET_HOT_VS_UNIFORM);
        ratio("unbatched_vs_tpcb  (16 clients unbatched / pgbench)", unbatchedVsTpcb, TARGET_UNBATCHED_VS_TPCB);
        ratio("single_vs_raw      (single stream / raw JDBC)", singleVsRaw, TARGET_SINGLE_VS_RAW);
        say("");
        say("Invariant sweeps: %s", clean ? "clean after every run" : "VIOLATIONS FOUND (see above)");
        say("RESULT batched_vs_naive=%s hot_vs_uniform=%s unbatched_vs_tpcb=%s single_vs_raw=%s batched_tps=%d",
                two(batchedVsNaive), two(hotVsUniform), two(unbatchedVsTpcb), two(singleVsRaw), Math.round(batched.tps()));
        return clean ? 0 : 3;
    }

    private static void ratio(String label, double value, double target) {
        String verdict = Double.isNaN(value) ? "n/a" : value >= target ? "met" : "MISSED";
        say("  %-50s %7s   >= %.2f  %s", label, two(value), target, verdict);
    }

    // ---------------------------------------------------------------------------------------------
    // durability and the fsync floor

    private Map<String, String> durability() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = url.connect(); Statement s = c.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit", "wal_sync_method", "full_page_writes",
                    "server_version", "data_directory")) {
                try (ResultSet rs = s.executeQuery("show " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                } catch (SQLException e) {
                    // data_directory needs superuser or pg_read_all_settings; the rest do not
                    settings.put(name, "unknown");
                }
            }
        }
        return settings;
    }

    /** Best single-8kB-write open_datasync/fdatasync rate of pg_test_fsync, on the data directory's disk if we may write there. */
    private String fsyncFloor(String dataDirectory) {
        Path tool = PgBench.tool("pg_test_fsync");
        if (tool == null) {
            return "skipped (pg_test_fsync not found)";
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        if (dataDirectory != null && !dataDirectory.equals("unknown")) {
            Path parent = Path.of(dataDirectory).getParent();
            if (parent != null && Files.isWritable(parent)) {
                dir = parent;
            }
        }
        Path file = null;
        try {
            file = Files.createTempFile(dir, "finbridge-fsync-", ".tmp");
            say("running pg_test_fsync -s %d -f %s ...", o.fsyncSeconds, file);
            PgBench.Proc p = PgBench.Proc.run(List.of(tool.toString(), "-s", String.valueOf(o.fsyncSeconds), "-f", file.toString()), Map.of());
            if (p.exit() != 0) {
                return "skipped (pg_test_fsync exited " + p.exit() + ")";
            }
            Pattern line = Pattern.compile("^\\s+(open_datasync|fdatasync)\\s+([0-9.]+) ops/sec");
            double best = 0;
            String bestMethod = null;
            boolean firstSection = false;
            for (String l : p.out().split("\n")) {
                if (l.startsWith("Compare file sync methods using one")) {
                    firstSection = true;
                    continue;
                }
                if (firstSection && l.startsWith("Compare")) {
                    break;
                }
                Matcher m = line.matcher(l);
                if (firstSection && m.find() && Double.parseDouble(m.group(2)) > best) {
                    best = Double.parseDouble(m.group(2));
                    bestMethod = m.group(1);
                }
            }
            return bestMethod == null ? "skipped (no open_datasync/fdatasync figure in the output)"
                    : String.format(Locale.ROOT, "%.0f ops/s (%s, one 8kB write)", best, bestMethod);
        } catch (IOException | InterruptedException e) {
            return "skipped (" + e.getMessage() + ")";
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // (b) pgbench TPC-B

    private boolean pgbenchInit() throws IOException, InterruptedException {
        if (PgBench.tool("pgbench") == null) {
            say("pgbench not found: TPC-B skipped");
            return false;
        }
        say("pgbench: initialising %s at scale %d ...", TPCB_DATABASE, o.tpcbScale);
        PgBench.init(url, TPCB_DATABASE, o.tpcbScale);
        return true;
    }

    private Row pgbenchRun() throws IOException, InterruptedException {
        say("pgbench: TPC-B, %d clients, -j 2, -M prepared, %d s ...", o.clients, o.tpcbSeconds);
        PgBench.Tpcb t = PgBench.tpcb(url, TPCB_DATABASE, o.clients, o.tpcbSeconds);
        Row r = new Row("pgbench TPC-B (scale " + o.tpcbScale + ", -M prepared)", o.clients, "1 tx");
        r.fixedTps = t.tps();
        r.avgNanos = (long) (t.latencyMs() * 1_000_000);
        r.transfers = t.transactions();
        say("  %s", r.summary());
        return r;
    }

    // ---------------------------------------------------------------------------------------------
    // (a) naive baseline and (c) raw JDBC single stream

    private void createNaiveTables(int accounts) throws SQLException {
        try (Connection c = url.connect(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + NAIVE_SCHEMA + " cascade");
            s.execute("create schema " + NAIVE_SCHEMA);
            s.execute("create table " + NAIVE_SCHEMA + ".naive_accounts (id bigint primary key, currency char(3) not null, "
                    + "balance bigint not null)");
            s.execute("create table " + NAIVE_SCHEMA + ".naive_transfers (id bigint generated always as identity primary key, "
                    + "debit_account_id bigint not null references " + NAIVE_SCHEMA + ".naive_accounts, "
                    + "credit_account_id bigint not null references " + NAIVE_SCHEMA + ".naive_accounts, "
                    + "amount bigint not null check (amount > 0), created_at timestamptz not null default now())");
            s.execute("insert into " + NAIVE_SCHEMA + ".naive_accounts select g, (array['EUR','USD','CNY'])[1 + g % 3], "
                    + "1000000000000 from generate_series(0, " + (accounts - 1) + ") g");
            s.execute("vacuum analyze " + NAIVE_SCHEMA + ".naive_accounts");
        }
    }

    /** One transaction per transfer: lock both accounts (in id order), check funds, update both, insert, commit. */
    private Row naive() throws Exception {
        int accounts = o.accountsPerCurrency * CURRENCIES.length;
        say("naive baseline: %d clients, SELECT ... FOR UPDATE on both accounts, one transaction per transfer ...", o.clients);
        Row r = measure("naive: FOR UPDATE both, 1 tx per transfer", o.clients, "1", () -> new Client() {
            final Connection c = url.connectUnchecked(false);
            final PreparedStatement lock = statement(c, "select balance from " + NAIVE_SCHEMA + ".naive_accounts where id = ? for update");
            final PreparedStatement debit = statement(c, "update " + NAIVE_SCHEMA + ".naive_accounts set balance = balance - ? where id = ?");
            final PreparedStatement credit = statement(c, "update " + NAIVE_SCHEMA + ".naive_accounts set balance = balance + ? where id = ?");
            final PreparedStatement insert = statement(c, "insert into " + NAIVE_SCHEMA
                    + ".naive_transfers (debit_account_id, credit_account_id, amount) values (?, ?, ?)");

            @Override
            public int call() throws SQLException {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                long from = rnd.nextInt(accounts);
                long to = sameCurrencyOther(rnd, from, accounts);
                long amount = 1 + rnd.nextInt(10_000);
                try {
                    long fromBalance = 0;
                    for (long id : new long[] {Math.min(from, to), Math.max(from, to)}) {
                        lock.setLong(1, id);
                        try (ResultSet rs = lock.executeQuery()) {
                            rs.next();
                            if (id == from) {
                                fromBalance = rs.getLong(1);
                            }
                        }
                    }
                    if (fromBalance < amount) {
                        c.rollback();
                        return 0;
                    }
                    moveAndRecord(debit, credit, insert, from, to, amount);
                    c.commit();
                    return 1;
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            }

            @Override
            public void close() throws SQLException {
                c.close();
            }
        });
        checkNaiveBalances();
        return r;
    }

    /** One thread, one transfer per commit: update debit, update credit, insert the transfer, commit. */
    private Row rawSingleStream() throws Exception {
        int accounts = o.accountsPerCurrency * CURRENCIES.length;
        say("raw JDBC single stream: 1 thread, update + update + insert + commit per transfer ...");
        Row r = measure("raw JDBC single stream, commit per transfer", 1, "1", () -> new Client() {
            final Connection c = url.connectUnchecked(false);
            final PreparedStatement debit = statement(c, "update " + NAIVE_SCHEMA + ".naive_accounts set balance = balance - ? where id = ?");
            final PreparedStatement credit = statement(c, "update " + NAIVE_SCHEMA + ".naive_accounts set balance = balance + ? where id = ?");
            final PreparedStatement insert = statement(c, "insert into " + NAIVE_SCHEMA
                    + ".naive_transfers (debit_account_id, credit_account_id, amount) values (?, ?, ?)");

            @Override
            public int call() throws SQLException {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                long from = rnd.nextInt(accounts);
                long to = sameCurrencyOther(rnd, from, accounts);
                long amount = 1 + rnd.nextInt(10_000);
                try {
                    moveAndRecord(debit, credit, insert, from, to, amount);
                    c.commit();
                    return 1;
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            }

            @Override
            public void close() throws SQLException {
                c.close();
            }
        });
        checkNaiveBalances();
        return r;
    }

    /** The same three statements in both baselines: debit one account, credit the other, record the transfer. */
    private static void moveAndRecord(PreparedStatement debit, PreparedStatement credit, PreparedStatement insert,
                                      long from, long to, long amount) throws SQLException {
        debit.setLong(1, amount);
        debit.setLong(2, from);
        debit.executeUpdate();
        credit.setLong(1, amount);
        credit.setLong(2, to);
        credit.executeUpdate();
        insert.setLong(1, from);
        insert.setLong(2, to);
        insert.setLong(3, amount);
        insert.executeUpdate();
    }

    private static long sameCurrencyOther(ThreadLocalRandom rnd, long from, int accounts) {
        // accounts g and g' share a currency when g % 3 == g' % 3
        int perCurrency = accounts / 3;
        long to;
        do {
            to = (long) rnd.nextInt(perCurrency) * 3 + from % 3;
        } while (to == from || to >= accounts);
        return to;
    }

    private void checkNaiveBalances() throws SQLException {
        try (Connection c = url.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select sum(balance) - 1000000000000 * count(*) from " + NAIVE_SCHEMA + ".naive_accounts")) {
            rs.next();
            if (rs.getLong(1) != 0) {
                throw new IllegalStateException("naive baseline lost money: balances are off by " + rs.getLong(1));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // (d) Finbridge's ledger through its real engine

    /** Finbridge itself, in-process, without the web server, on a schema dropped and recreated for this run. */
    private ConfigurableApplicationContext startFinbridge() throws SQLException {
        try (Connection c = url.connect(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + LEDGER_SCHEMA + " cascade");
            s.execute("create schema " + LEDGER_SCHEMA);
        }
        String ledgerUrl = url.url() + (url.url().contains("?") ? "&" : "?") + "currentSchema=" + LEDGER_SCHEMA
                + "&reWriteBatchedInserts=true";
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + ledgerUrl,
                "--spring.datasource.username=" + url.user(),
                "--spring.datasource.password=" + (url.password() == null ? "" : url.password()),
                "--spring.datasource.hikari.maximum-pool-size=" + (o.clients + 8),
                "--spring.flyway.schemas=" + LEDGER_SCHEMA,
                "--spring.flyway.default-schema=" + LEDGER_SCHEMA,
                "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false",
                "--logging.level.root=WARN"));
        say("finbridge: starting the application (no web server) on schema %s ...", LEDGER_SCHEMA);
        return new SpringApplicationBuilder(FinbridgeApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(args.toArray(String[]::new));
    }

    /**
     * The schema is created fresh for every benchmark run, so its tables have no planner statistics until
     * autovacuum gets to them (a minute or more): without them PostgreSQL plans the ledger's id lookups
     * as sequential scans of a growing table. A long-lived ledger always has statistics, so each run
     * starts, untimed, with ANALYZE (the baselines get the same).
     */
    private void analyzeLedger() throws SQLException {
        analyze(LEDGER_SCHEMA, "ledger_accounts", "ledger_transfers", "ledger_pending_resolutions", "ledger_account_balances");
    }

    private void analyzeNaive() throws SQLException {
        analyze(NAIVE_SCHEMA, "naive_accounts", "naive_transfers");
    }

    private void analyze(String schema, String... tables) throws SQLException {
        try (Connection c = url.connect(); Statement s = c.createStatement()) {
            for (String t : tables) {
                s.execute("analyze " + schema + "." + t);
            }
        }
    }

    private record Accounts(AccountId[][] byCurrency, AccountId[] fees) {
    }

    private Accounts openAccounts(Ledger ledger) throws Exception {
        int n = o.accountsPerCurrency;
        say("finbridge: opening %d accounts in %s (+ one FEES account each) ...", n * CURRENCIES.length,
                String.join(", ", CURRENCIES));
        long start = System.nanoTime();
        AccountId[][] byCurrency = new AccountId[CURRENCIES.length][n];
        AccountId[] fees = new AccountId[CURRENCIES.length];
        List<NewAccount> all = new ArrayList<>();
        for (int c = 0; c < CURRENCIES.length; c++) {
            CurrencyCode currency = CurrencyCode.of(CURRENCIES[c]);
            for (int i = 0; i < n; i++) {
                NewAccount a = NewAccount.of(currency, "CUSTOMER_AVAILABLE", "bench-" + CURRENCIES[c] + "-" + i);
                byCurrency[c][i] = a.id();
                all.add(a);
            }
            NewAccount fee = NewAccount.of(currency, "FEES", null);
            fees[c] = fee.id();
            all.add(fee);
        }
        ExecutorService pool = Executors.newFixedThreadPool(o.clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            int slice = (all.size() + o.clients - 1) / o.clients;
            for (int from = 0; from < all.size(); from += slice) {
                List<NewAccount> part = all.subList(from, Math.min(all.size(), from + slice));
                done.add(pool.submit(() -> {
                    for (NewAccount a : part) {
                        AccountResult r = ledger.createAccount(a);
                        if (r != AccountResult.OK) {
                            throw new IllegalStateException("opening " + a.id() + " answered " + r);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        say("  %d accounts opened in %.1f s", all.size(), (System.nanoTime() - start) / 1e9);
        fund(ledger, byCurrency);
        return new Accounts(byCurrency, fees);
    }

    /**
     * Opening balances: one transfer per account from its currency's FUNDING account, committed before
     * any measured run (untimed). The accounts have no overdraft flag, so the runs never fail for lack
     * of funds either way; funding gives the ledger the history a live one has, so that the first run
     * does not measure lookups in an empty transfers table.
     */
    private void fund(Ledger ledger, AccountId[][] byCurrency) {
        long start = System.nanoTime();
        long funded = 0;
        for (int c = 0; c < CURRENCIES.length; c++) {
            NewAccount source = NewAccount.of(CurrencyCode.of(CURRENCIES[c]), "FUNDING", null);
            if (ledger.createAccount(source) != AccountResult.OK) {
                throw new IllegalStateException("could not open the " + CURRENCIES[c] + " funding account");
            }
            List<Transfer> request = new ArrayList<>();
            for (AccountId account : byCurrency[c]) {
                request.add(Transfer.posted(TransferId.next(), source.id(), account, 1_000_000_000L, CURRENCIES[c], "FUNDING"));
                if (request.size() == 2_000) {
                    funded += submitAll(ledger, request);
                    request = new ArrayList<>();
                }
            }
            if (!request.isEmpty()) {
                funded += submitAll(ledger, request);
            }
        }
        say("  %d accounts funded in %.1f s", funded, (System.nanoTime() - start) / 1e9);
    }

    private static int submitAll(Ledger ledger, List<Transfer> request) {
        List<TransferResult> results = ledger.submit(request);
        for (TransferResult r : results) {
            if (r != TransferResult.OK) {
                throw new IllegalStateException("funding transfer answered " + r);
            }
        }
        return results.size();
    }

    private static Transfer uniform(ThreadLocalRandom rnd, Accounts a) {
        int c = rnd.nextInt(CURRENCIES.length);
        AccountId[] pool = a.byCurrency[c];
        int from = rnd.nextInt(pool.length);
        int to = otherThan(rnd, from, pool.length);
        return Transfer.posted(TransferId.next(), pool[from], pool[to], 1 + rnd.nextInt(10_000), CURRENCIES[c], CODE);
    }

    /**
     * Payments as linked pairs: payer → merchant (the amount), then merchant → the currency's FEES
     * account (hot) or merchant → a random account (uniform), so both shapes carry the same number of
     * transfers per request.
     */
    private static List<Transfer> pairs(ThreadLocalRandom rnd, Accounts a, int pairs, boolean hot) {
        List<Transfer> request = new ArrayList<>(2 * pairs);
        for (int i = 0; i < pairs; i++) {
            int c = rnd.nextInt(CURRENCIES.length);
            AccountId[] pool = a.byCurrency[c];
            int payer = rnd.nextInt(pool.length);
            int merchant = otherThan(rnd, payer, pool.length);
            long amount = 100 + rnd.nextInt(100_000);
            long fee = amount / 100 + 1;
            AccountId second = hot ? a.fees[c] : pool[otherThan(rnd, merchant, pool.length)];
            request.add(Transfer.posted(TransferId.next(), pool[payer], pool[merchant], amount, CURRENCIES[c], CODE).linked());
            request.add(Transfer.posted(TransferId.next(), pool[merchant], second, fee, CURRENCIES[c], CODE));
        }
        return request;
    }

    private static int otherThan(ThreadLocalRandom rnd, int not, int n) {
        int x = rnd.nextInt(n - 1);
        return x >= not ? x + 1 : x;
    }

    private interface RequestSource {
        List<Transfer> next(ThreadLocalRandom rnd);
    }

    /** Builds each request before the clock starts, so latency is the Ledger.submit call alone. */
    private Client ledgerClient(Ledger ledger, RequestSource source) {
        return new Client() {
            List<Transfer> request;

            @Override
            public void prepare() {
                request = source.next(ThreadLocalRandom.current());
            }

            @Override
            public int call() throws InterruptedException {
                List<TransferResult> results;
                while (true) {
                    try {
                        results = ledger.submit(request);
                        break;
                    } catch (LedgerBusyException busy) {
                        Thread.sleep(1);
                    }
                }
                int ok = 0;
                for (TransferResult r : results) {
                    if (r == TransferResult.OK) {
                        ok++;
                    } else {
                        firstFailure.compareAndSet(null, r);
                    }
                }
                if (ok != results.size()) {
                    failedTransfers.addAndGet(results.size() - ok);
                }
                return ok;
            }
        };
    }

    private final AtomicLong failedTransfers = new AtomicLong();
    private final AtomicReference<TransferResult> firstFailure =
            new AtomicReference<>();

    private boolean sweep(LedgerInvariants invariants, Row after) {
        long start = System.nanoTime();
        LedgerInvariants.Report report = invariants.sweep();
        say("  invariant sweep after '%s' (%.1f s): %s", after.name, (System.nanoTime() - start) / 1e9,
                report.isClean() ? "CLEAN, " + report : report);
        return report.isClean();
    }

    // ---------------------------------------------------------------------------------------------
    // measurement

    /** One client's unit of work: answers how many transfers it committed. */
    private interface Client extends AutoCloseable {
        /** Untimed preparation of the next call (building a request). */
        default void prepare() {
        }

        int call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    private Row measure(String name, int threads, String requestSize, Supplier<Client> clients) throws Exception {
        failedTransfers.set(0);
        firstFailure.set(null);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] bounds = new long[2];
        List<Future<long[]>> futures = new ArrayList<>();
        List<LongList> latencies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                LongList lat = new LongList();
                latencies.add(lat);
                futures.add(pool.submit(() -> {
                    try (Client client = clients.get()) {
                        ready.countDown();
                        go.await();
                        long measureFrom = bounds[0];
                        long end = bounds[1];
                        long transfers = 0;
                        long lastEnd = measureFrom;
                        while (true) {
                            client.prepare();
                            long s = System.nanoTime();
                            if (s >= end) {
                                break;
                            }
                            int n = client.call();
                            long e = System.nanoTime();
                            if (s >= measureFrom) {
                                lat.add(e - s);
                                transfers += n;
                                lastEnd = e;
                            }
                        }
                        return new long[] {transfers, lastEnd};
                    } finally {
                        ready.countDown(); // if the client could not be created, do not hang the others
                    }
                }));
            }
            ready.await();
            long now = System.nanoTime();
            bounds[0] = now + TimeUnit.SECONDS.toNanos(o.warmup);
            bounds[1] = bounds[0] + TimeUnit.SECONDS.toNanos(o.seconds);
            go.countDown();
            long transfers = 0;
            long lastEnd = bounds[0];
            for (Future<long[]> f : futures) {
                long[] r = f.get();
                transfers += r[0];
                lastEnd = Math.max(lastEnd, r[1]);
            }
            Row row = new Row(name, threads, requestSize);
            row.transfers = transfers;
            row.nanos = lastEnd - bounds[0];
            long[] all = LongList.concat(latencies);
            Arrays.sort(all);
            row.calls = all.length;
            row.avgNanos = all.length == 0 ? 0 : (long) Arrays.stream(all).average().orElse(0);
            row.p50Nanos = percentile(all, 0.50);
            row.p99Nanos = percentile(all, 0.99);
            row.failed = failedTransfers.get();
            say("  %s", row.summary());
            if (row.failed > 0) {
                say("  note: %d transfers were refused (first: %s)", row.failed, firstFailure.get());
            }
            return row;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static final class LongList {
        long[] a = new long[1024];
        int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        static long[] concat(List<LongList> lists) {
            int total = lists.stream().mapToInt(l -> l.n).sum();
            long[] all = new long[total];
            int at = 0;
            for (LongList l : lists) {
                System.arraycopy(l.a, 0, all, at, l.n);
                at += l.n;
            }
            return all;
        }
    }

    private static final class Row {
        final String name;
        final int clients;
        final String requestSize;
        long transfers;
        long calls;
        long nanos;
        long avgNanos;
        long p50Nanos = -1;
        long p99Nanos = -1;
        long failed;
        double fixedTps = -1;

        Row(String name, int clients, String requestSize) {
            this.name = name;
            this.clients = clients;
            this.requestSize = requestSize;
        }

        double tps() {
            return fixedTps >= 0 ? fixedTps : nanos <= 0 ? 0 : transfers * 1e9 / nanos;
        }

        String summary() {
            return String.format(Locale.ROOT, "%s: %.0f transfers/s, avg %s ms, p50 %s ms, p99 %s ms", name, tps(),
                    ms(avgNanos), ms(p50Nanos), ms(p99Nanos));
        }
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static String two(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private static PreparedStatement statement(Connection c, String sql) {
        try {
            return c.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // plumbing

    private static final class Options {
        static final String USAGE = """
                usage: bench/ledger [--quick] [--seconds N] [--warmup N] [--clients N] [--accounts N]
                                    [--request-size N] [--pgbench-seconds N] [--pgbench-scale N]
                  --quick            3 s runs, 1 s warm-up, 1,000 accounts per currency, pgbench scale 4 for 5 s
                  --seconds N        measured seconds per run (default 10)
                  --warmup N         warm-up seconds before each run (default 3)
                  --clients N        concurrent clients for the multi-client runs and pgbench (default 16)
                  --accounts N       ledger accounts per currency (EUR, USD, CNY; default 10,000)
                  --request-size N   transfers per request in the batched runs (default 500)
                  --pgbench-seconds N  pgbench TPC-B duration (default 20)
                  --pgbench-scale N    pgbench scale factor (default 16)
                environment: FINBRIDGE_BENCH_POSTGRES_URL (default %s)""".formatted(DEFAULT_URL);

        String url;
        boolean quick;
        int seconds = 10;
        int warmup = 3;
        int clients = 16;
        int accountsPerCurrency = 10_000;
        int requestSize = 500;
        int tpcbSeconds = 20;
        int tpcbScale = 16;
        int fsyncSeconds = 2;

        static Options parse(String[] args) {
            Options o = new Options();
            String env = System.getenv("FINBRIDGE_BENCH_POSTGRES_URL");
            o.url = env == null || env.isBlank() ? DEFAULT_URL : env;
            List<String> a = List.of(args);
            if (a.contains("--quick")) {
                o.quick = true;
                o.seconds = 3;
                o.warmup = 1;
                o.accountsPerCurrency = 1_000;
                o.tpcbSeconds = 5;
                o.tpcbScale = 4;
                o.fsyncSeconds = 1;
            }
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> { }
                    case "--seconds" -> o.seconds = positive(args, ++i);
                    case "--warmup" -> o.warmup = nonNegative(args, ++i);
                    case "--clients" -> o.clients = positive(args, ++i);
                    case "--accounts" -> o.accountsPerCurrency = positive(args, ++i);
                    case "--request-size" -> o.requestSize = positive(args, ++i);
                    case "--pgbench-seconds" -> o.tpcbSeconds = positive(args, ++i);
                    case "--pgbench-scale" -> o.tpcbScale = positive(args, ++i);
                    case "-h", "--help" -> throw new IllegalArgumentException("help");
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (o.accountsPerCurrency < 3) {
                throw new IllegalArgumentException("--accounts must be at least 3");
            }
            if (o.requestSize < 2 || o.requestSize > Ledger.MAX_TRANSFERS_PER_REQUEST) {
                throw new IllegalArgumentException("--request-size must be 2.." + Ledger.MAX_TRANSFERS_PER_REQUEST);
            }
            return o;
        }

        private static int positive(String[] args, int i) {
            int v = nonNegative(args, i);
            if (v == 0) {
                throw new IllegalArgumentException(args[i - 1] + " must be positive");
            }
            return v;
        }

        private static int nonNegative(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a number");
            }
            try {
                int v = Integer.parseInt(args[i].replace("_", "").replace(",", ""));
                if (v < 0) {
                    throw new IllegalArgumentException(args[i - 1] + " must not be negative");
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(args[i - 1] + " needs a number, not " + args[i]);
            }
        }
    }
}
