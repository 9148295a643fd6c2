package org.finbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.finbridge.FinbridgeApplication;
import org.finbridge.settlement.SettlementRun;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The settlement benchmark ({@code bench/settlement}), PostgreSQL only: a settlement run over a million
 * captured payments (plan with one range row per merchant for the payments released the first time and unchanged
 * since capture, a line for any other, one ledger transfer per merchant and kind through the
 * ledger's batcher, statements) against the same aggregation done as one plain
 * {@code INSERT … SELECT … GROUP BY} on the same server, measured in the same run before and after it (the
 * faster of the two is the baseline); then the reconciliation of a bank statement of 100,000 lines. See
 * {@link SettlementScenario} for how the payments are seeded. Not a unit test.
 */
public final class SettlementBenchmark {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/finbridge_bench_settlement?user=postgres";
    private static final String SCHEMA = "finbridge_settlement_bench";

    record Options(int payments, int merchants, int reconLines, int refundedPercent) {
        static Options parse(String[] args) {
            int payments = 1_000_000;
            int merchants = 1_000;
            int recon = 100_000;
            int refunded = 0;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--payments" -> payments = Integer.parseInt(args[++i]);
                    case "--merchants" -> merchants = Integer.parseInt(args[++i]);
                    case "--recon-lines" -> recon = Integer.parseInt(args[++i]);
                    case "--refunded-percent" -> refunded = Integer.parseInt(args[++i]);
                    case "--quick" -> {
                        payments = 200_000;
                        merchants = 200;
                        recon = 10_000;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; usage: bench/settlement [--quick] [--payments N] [--merchants N] [--recon-lines N] [--refunded-percent P]");
                }
            }
            if (payments < 1 || merchants < 1 || recon < 1) {
                throw new IllegalArgumentException("--payments, --merchants and --recon-lines must be positive");
            }
            if (refunded < 0 || refunded > 100) {
                throw new IllegalArgumentException("--refunded-percent must be from 0 to 100");
            }
            return new Options(payments, merchants, recon, refunded);
        }
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(Options.parse(args));
        } catch (Exception e) {
            System.out.flush();
            System.err.println("bench/settlement: FAILED: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    private static int run(Options o) throws Exception {
        String url = System.getenv().getOrDefault("FINBRIDGE_BENCH_POSTGRES_URL", DEFAULT_URL);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
        }
        String load = uptime();
        List<String> args = List.of("--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                "--spring.flyway.schemas=" + SCHEMA, "--spring.flyway.default-schema=" + SCHEMA,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.org.finbridge.settlement=INFO", "--finbridge.scheduling.enabled=false",
                "--finbridge.banking.xml.max-document-bytes=" + (256L * 1024 * 1024));
        System.out.println("postgresql: starting the application (no web server) ...");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FinbridgeApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(args.toArray(String[]::new))) {
            SettlementScenario scenario = new SettlementScenario(app);
            LocalDate date = LocalDate.now(ZoneOffset.UTC);
            Instant capturedAt = date.minusDays(10).atTime(4, 0).toInstant(ZoneOffset.UTC);

            long started = System.nanoTime();
            System.out.printf("seeding %,d merchants ...%n", o.merchants());
            scenario.registerMerchants(o.merchants());
            System.out.printf("seeding %,d captured payments (%d %% refunded in part after capture) ...%n", o.payments(),
                    o.refundedPercent());
            scenario.seedCapturedPayments(o.payments(), capturedAt, o.refundedPercent());
            analyze(url);
            System.out.printf("seeded in %.1f s%n", (System.nanoTime() - started) / 1e9);

            // warm-up: a run of a date before the captures (releases nothing, reads every payment) and the baseline twice
            SettlementRun warm = scenario.run(date.minusDays(20));
            System.out.printf("warm-up run of %s: %s, %d lines%n", warm.businessDate(), warm.status(), warm.lines());
            scenario.baseline(capturedAt);
            scenario.baseline(capturedAt);

            System.out.printf("settlement run of %s over %,d payments ...%n", date, o.payments());
            SettlementScenario.RunFigures run = scenario.measureRun(date, capturedAt, o.payments());
            System.out.printf(Locale.ROOT, "run: %,d lines, %,d merchants, %.2f s; plain SQL INSERT … SELECT … GROUP BY: %.2f s before,"
                            + " %.2f s after (baseline %.2f s); released %,d minor units, equal to the plain SQL totals%n",
                    run.lines(), run.merchants(), run.runSeconds(), run.baselineBefore(), run.baselineAfter(), run.baselineSeconds(),
                    run.released());

            double floor = scenario.perPaymentFloor(capturedAt);
            System.out.println("where the time goes (seconds; x: times the plain SQL baseline; the run's phases are in its log lines above):");
            System.out.printf(Locale.ROOT, "  %-72s %7.2f %6.2fx%n", "plain SQL INSERT … SELECT … GROUP BY (baseline)", run.baselineSeconds(), 1.0);
            System.out.printf(Locale.ROOT, "  %-72s %7.2f %6.2fx%n", "same join written as one row per payment, no key, no order (line floor)",
                    floor, floor / run.baselineSeconds());
            System.out.printf(Locale.ROOT, "  %-72s %7.2f %6.2fx%n", "settlement run (lines, postings, ledger, statements)", run.runSeconds(),
                    run.ratio());
            // the next day's run: nothing new is due, but every payment released the day before is read again with
            // what settlement moved for it (not part of the ratio; a daily run's cost once the payments are settled)
            long nextStarted = System.nanoTime();
            SettlementRun next = scenario.run(date.plusDays(1));
            System.out.printf(Locale.ROOT, "  %-72s %7.2f %6.2fx%n", "next day's run over the same settled payments (" + next.lines() + " lines)",
                    (System.nanoTime() - nextStarted) / 1e9, (System.nanoTime() - nextStarted) / 1e9 / run.baselineSeconds());
            System.out.printf("reconciling a camt.053 statement of %,d lines against %,d payouts ...%n", o.reconLines(), o.reconLines());
            SettlementScenario.ReconFigures recon = scenario.measureReconciliation(o.reconLines(), date);
            System.out.printf(Locale.ROOT, "reconciliation: %,d lines, %,d matched, %d exceptions in %.2f s (%,d lines/s);"
                            + " the import before it took %.2f s%n",
                    recon.lines(), recon.matched(), recon.exceptions(), recon.reconcileSeconds(), recon.linesPerSecond(),
                    recon.importSeconds());
            String loadAfter = uptime();
            System.out.println("load before: " + load);
            System.out.println("load after:  " + loadAfter);
            System.out.printf(Locale.ROOT, "RESULT settlement_vs_sql=%.2f recon_lines_per_s=%d%n", run.ratio(), recon.linesPerSecond());
        }
        return 0;
    }

    /**
     * Fresh statistics after the bulk load, as autovacuum would gather them a little later. The merchants' table
     * too: without its statistics the plain SQL baseline was sometimes planned as a nested loop over the merchants
     * (a million index probes, several times slower), depending on whether autovacuum had come by yet.
     */
    private static void analyze(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA);
            s.execute("vacuum analyze payments");
            s.execute("vacuum analyze settlement_payments");
            s.execute("analyze bench_merchants");
        }
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " (1, 5, 15 min load averages)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
