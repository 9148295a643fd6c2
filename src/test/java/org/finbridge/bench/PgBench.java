package org.finbridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench's TPC-B on the benchmark's own PostgreSQL server: the baseline that says what the database alone can
 * commit on this machine, measured in the same run as the figure it is put next to ({@code bench/ledger},
 * {@code bench/api}). Also finds PostgreSQL's client tools and runs them.
 */
final class PgBench {

    /** What pgbench reported: transactions per second, mean latency, transactions processed. */
    record Tpcb(double tps, double latencyMs, long transactions) {
    }

    private PgBench() {
    }

    /** Initialises (again) the TPC-B tables in {@code database} at {@code scale}. */
    static void init(PgUrl server, String database, int scale) throws IOException, InterruptedException {
        List<String> init = new ArrayList<>(List.of(required().toString(), "-i", "-q", "-s", String.valueOf(scale)));
        init.addAll(server.clientArguments());
        init.add(database);
        Proc i = Proc.run(init, server.clientEnvironment());
        if (i.exit() != 0) {
            throw new IllegalStateException("pgbench -i failed:\n" + i.out());
        }
    }

    /** Runs TPC-B (prepared statements, two pgbench threads) for {@code seconds} with {@code clients} connections. */
    static Tpcb tpcb(PgUrl server, String database, int clients, int seconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(required().toString(), "-c", String.valueOf(clients), "-j", "2",
                "-M", "prepared", "-T", String.valueOf(seconds), "-b", "tpcb-like"));
        cmd.addAll(server.clientArguments());
        cmd.add(database);
        Proc p = Proc.run(cmd, server.clientEnvironment());
        if (p.exit() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + p.out());
        }
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\((?:without initial connection time|excluding connections establishing)\\)")
                .matcher(p.out());
        Matcher lat = Pattern.compile("latency average = ([0-9.]+) ms").matcher(p.out());
        Matcher done = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(p.out());
        if (!tps.find() || !lat.find()) {
            throw new IllegalStateException("could not read pgbench's tps and latency:\n" + p.out());
        }
        return new Tpcb(Double.parseDouble(tps.group(1)), Double.parseDouble(lat.group(1)),
                done.find() ? Long.parseLong(done.group(1)) : 0);
    }

    private static Path required() {
        Path tool = tool("pgbench");
        if (tool == null) {
            throw new IllegalStateException("pgbench not found (FINBRIDGE_BENCH_PG_BIN, /usr/lib/postgresql/N/bin, PATH)");
        }
        return tool;
    }

    /** A PostgreSQL client tool next to the server's binaries ({@code FINBRIDGE_BENCH_PG_BIN}, /usr/lib/postgresql/N/bin, PATH). */
    static Path tool(String name) {
        List<Path> dirs = new ArrayList<>();
        String configured = System.getenv("FINBRIDGE_BENCH_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            dirs.add(Path.of(configured));
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (var s = Files.list(versions)) {
                s.map(v -> v.resolve("bin")).sorted((x, y) -> versionOf(y) - versionOf(x)).forEach(dirs::add);
            } catch (IOException ignored) {
                // fall through to PATH
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isBlank()) {
                dirs.add(Path.of(p));
            }
        }
        for (Path d : dirs) {
            Path tool = d.resolve(name);
            if (Files.isExecutable(tool)) {
                return tool;
            }
        }
        return null;
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A finished command: its exit status and its output, standard error included. */
    record Proc(int exit, String out) {
        static Proc run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            StringBuilder out = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.append(line).append('\n');
                }
            }
            return new Proc(p.waitFor(), out.toString());
        }
    }
}
