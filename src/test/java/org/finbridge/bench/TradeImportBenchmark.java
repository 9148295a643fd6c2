package org.finbridge.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.finbridge.FinbridgeApplication;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.NewParty;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.finbridge.trade.ImportReport;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.OrderFiles;
import org.finbridge.trade.OrderReference;
import org.finbridge.trade.TradeImports;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The trade import benchmark ({@code bench/trade-import}): a CSV file of orders imported through
 * {@link TradeImports} (parsed as a stream, validated row by row, checked for duplicates, written in
 * batches, matched, committed in one transaction with its audit record), and as a baseline the same
 * kind of orders written with one INSERT statement per row (order and item), executed one by one in one
 * transaction: what the import's batching saves, with none of its checks. Not a unit test.
 *
 * <p>H2 runs embedded in memory: its figure tells a developer what to expect locally and is no claim
 * about performance. PostgreSQL's is the figure that counts.
 */
public final class TradeImportBenchmark {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/finbridge_bench?user=postgres";
    private static final String SCHEMA = "finbridge_trade_bench";

    record Options(int rows, int baselineRows, boolean h2, boolean postgres) {
        static Options parse(String[] args) {
            int rows = 100_000;
            int baseline = 20_000;
            String database = "both";
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rows" -> rows = Integer.parseInt(args[++i]);
                    case "--baseline-rows" -> baseline = Integer.parseInt(args[++i]);
                    case "--database" -> database = args[++i];
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; usage: bench/trade-import [--rows N] [--baseline-rows N] [--database h2|postgres|both]");
                }
            }
            return new Options(rows, baseline, !database.equals("postgres"), !database.equals("h2"));
        }
    }

    record Figures(String database, int rows, double seconds, int baselineRows, double baselineSeconds) {
        long rowsPerSecond() {
            return Math.round(rows / seconds);
        }

        long baselineRowsPerSecond() {
            return Math.round(baselineRows / baselineSeconds);
        }
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(Options.parse(args));
        } catch (Exception e) {
            System.out.flush();
            System.err.println("bench/trade-import: FAILED: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    private static int run(Options o) throws Exception {
        List<Figures> figures = new ArrayList<>();
        if (o.h2()) {
            figures.add(measure("h2", List.of("--spring.datasource.url=jdbc:h2:mem:tradebench;DB_CLOSE_DELAY=-1"), o));
        }
        if (o.postgres()) {
            String url = System.getenv().getOrDefault("FINBRIDGE_BENCH_POSTGRES_URL", DEFAULT_URL);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + SCHEMA + " cascade");
                s.execute("create schema " + SCHEMA);
            }
            figures.add(measure("postgresql", List.of(
                    "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                    "--spring.flyway.schemas=" + SCHEMA, "--spring.flyway.default-schema=" + SCHEMA), o));
        }
        System.out.println();
        System.out.printf("%-11s %9s %9s %12s   %s%n", "database", "orders", "seconds", "orders/s", "baseline: single-row INSERTs");
        for (Figures f : figures) {
            System.out.printf("%-11s %,9d %9.2f %,12d   %,d orders in %.2f s = %,d orders/s (import is %.1f× faster)%n",
                    f.database(), f.rows(), f.seconds(), f.rowsPerSecond(), f.baselineRows(), f.baselineSeconds(),
                    f.baselineRowsPerSecond(), (double) f.rowsPerSecond() / f.baselineRowsPerSecond());
        }
        System.out.println("(H2 is the embedded development database: its figures are no performance claim.)");
        for (Figures f : figures) {
            System.out.printf(Locale.ROOT, "RESULT database=%s rows=%d seconds=%.2f rows_per_s=%d baseline_rows_per_s=%d%n",
                    f.database(), f.rows(), f.seconds(), f.rowsPerSecond(), f.baselineRowsPerSecond());
        }
        return 0;
    }

    private static Figures measure(String database, List<String> datasource, Options o) throws Exception {
        List<String> args = new ArrayList<>(datasource);
        args.addAll(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--finbridge.scheduling.enabled=false"));
        System.out.printf("%s: starting the application (no web server) ...%n", database);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FinbridgeApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(args.toArray(String[]::new))) {
            Parties parties = app.getBean(Parties.class);
            PartyId marketplace = register(parties, PartyKind.MARKETPLACE, "Bench Marketplace");
            PartyId merchant = register(parties, PartyKind.MERCHANT, "Bench Merchant");
            Actor actor = new Actor("bench", "key:bench", Actor.Channel.API_KEY, marketplace, PartyKind.MARKETPLACE, null,
                    Set.of(ApiScope.TRADE_SUBMIT));
            Instant orderedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            TradeImports imports = app.getBean(TradeImports.class);

            // warm-up: the JIT and the connection pool, on a small file of other order numbers
            importFile(imports, actor, OrderFiles.csv("WARM", 5_000, merchant.toString(), orderedAt));

            byte[] file = OrderFiles.csv("BENCH", o.rows(), merchant.toString(), orderedAt).getBytes(StandardCharsets.UTF_8);
            System.out.printf("%s: importing %,d orders (%,d bytes of CSV) ...%n", database, o.rows(), file.length);
            long started = System.nanoTime();
            ImportReport report = imports.importFile(new ImportRequest(ImportRequest.Kind.ORDERS, ImportRequest.Format.CSV,
                    null, null), new ByteArrayInputStream(file), actor);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (report.outcome() != ImportReport.Outcome.COMMITTED || report.accepted() != o.rows()) {
                throw new IllegalStateException("the import did not commit every order: " + report.outcome() + " "
                        + report.accepted() + " of " + o.rows() + " " + report.rejections().stream().limit(3).toList());
            }
            System.out.printf("%s: import %,d orders in %.2f s%n", database, o.rows(), seconds);

            double baseline = singleRowInserts(app.getBean(DataSource.class), marketplace, merchant, orderedAt, o.baselineRows());
            System.out.printf("%s: baseline %,d orders in %.2f s%n", database, o.baselineRows(), baseline);
            return new Figures(database, o.rows(), seconds, o.baselineRows(), baseline);
        }
    }

    private static void importFile(TradeImports imports, Actor actor, String csv) {
        imports.importFile(new ImportRequest(ImportRequest.Kind.ORDERS, ImportRequest.Format.CSV, null, null),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), actor);
    }

    private static PartyId register(Parties parties, PartyKind kind, String name) {
        Registration r = parties.register(new NewParty(kind, "SG", name, null, null, null, Map.of()));
        if (r instanceof Registration.Registered registered) {
            return registered.party().id();
        }
        throw new IllegalStateException("could not register " + name + ": " + r);
    }

    /** The same tables, one INSERT per order and per item, each executed alone, committed once at the end. */
    private static double singleRowInserts(DataSource dataSource, PartyId marketplace, PartyId merchant, Instant orderedAt,
                                           int rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement order = c.prepareStatement("""
                    insert into trade_orders (id, record_id, marketplace_id, order_number, merchant_id, buyer_reference,
                        currency, total_minor_units, ordered_at, recorded_at)
                    values (?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?)""");
                 PreparedStatement item = c.prepareStatement("""
                    insert into trade_order_items (order_id, line_no, hs_code, description, quantity, unit_price_minor_units)
                    values (?, ?, ?, ?, ?, ?)""")) {
                OffsetDateTime at = orderedAt.atOffset(ZoneOffset.UTC);
                for (int i = 0; i < rows; i++) {
                    UUID id = UUID.randomUUID();
                    String number = "BASE-" + i;
                    List<OrderFiles.Item> items = OrderFiles.items(i);
                    order.setObject(1, id);
                    order.setObject(2, new OrderReference(marketplace, number).recordId().value());
                    order.setObject(3, marketplace.value());
                    order.setString(4, number);
                    order.setObject(5, merchant.value());
                    order.setString(6, "buyer-" + i);
                    order.setLong(7, OrderFiles.total(items));
                    order.setObject(8, at);
                    order.setObject(9, at);
                    order.executeUpdate();
                    for (int k = 0; k < items.size(); k++) {
                        item.setObject(1, id);
                        item.setInt(2, k + 1);
                        item.setString(3, items.get(k).hsCode());
                        item.setString(4, items.get(k).description());
                        item.setLong(5, items.get(k).quantity());
                        item.setLong(6, items.get(k).unitPrice());
                        item.executeUpdate();
                    }
                }
            }
            c.commit();
            return (System.nanoTime() - started) / 1e9;
        }
    }
}
