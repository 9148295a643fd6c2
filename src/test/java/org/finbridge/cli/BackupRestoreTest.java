package org.finbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.finbridge.FinbridgeApplication;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.finbridge.support.TestNodes;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The backup procedure of the operations guide, tested: a PostgreSQL dump of a database that carried
 * payments, restored into a new database, passes {@code bin/finbridge ledger verify}; the same command
 * fails on a restored copy whose balances were altered, so the check is not a formality.
 */
@DatabaseTest
class BackupRestoreTest {

    @Test
    void aRestoredDumpPassesTheInvariantSweepAndATamperedOneFailsIt() throws Exception {
        assumeThat(TestDatabase.isPostgresRun()).as("pg_dump and pg_restore are PostgreSQL's").isTrue();
        TestDatabase.Fresh db = TestDatabase.freshShared("backup");
        try (ConfigurableApplicationContext node = TestNodes.start(db)) {
            PaymentFixtures fixtures = new PaymentFixtures(node.getBean(Parties.class), node.getBean(Ledger.class),
                    node.getBean(CardTokenizer.class));
            PartyId merchant = fixtures.merchant("DE");
            for (int i = 1; i <= 5; i++) {
                PaymentFixtures.done(node.getBean(Payments.class).create(PaymentFixtures.merchantActor(merchant),
                        PaymentFixtures.payment(merchant, 2_500L * i, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                                CaptureMethod.AUTOMATIC, "FR")));
            }
        }

        Server server = Server.of(TestDatabase.postgresUrl());
        Path dump = Files.createTempFile("finbridge-backup", ".dump");
        String restored = "fbt_restore_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            exec(List.of("pg_dump", "-h", server.host(), "-p", server.port(), "-U", server.user(), "-Fc",
                    "-n", db.schema(), "-f", dump.toString(), server.database()));
            exec(List.of("createdb", "-h", server.host(), "-p", server.port(), "-U", server.user(), restored));
            exec(List.of("pg_restore", "-h", server.host(), "-p", server.port(), "-U", server.user(), "--no-owner",
                    "-d", restored, dump.toString()));
            String restoredUrl = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + restored
                    + "?user=" + server.user() + "&currentSchema=" + db.schema();

            Run clean = verify(restoredUrl, db.schema());
            assertThat(clean.status()).as(clean.out()).isZero();
            assertThat(clean.out()).contains("RESULT status=clean").doesNotContain("transfers=0 ");

            try (Connection c = DriverManager.getConnection(restoredUrl); Statement s = c.createStatement()) {
                s.execute("update " + db.schema() + ".ledger_accounts set credits_posted = credits_posted + 1"
                        + " where id = (select id from " + db.schema() + ".ledger_accounts where credits_posted > 0 limit 1)");
            }
            Run tampered = verify(restoredUrl, db.schema());
            assertThat(tampered.status()).as(tampered.out()).isEqualTo(1);
            assertThat(tampered.out()).contains("violation: ").contains("RESULT status=violated");
        } finally {
            Files.deleteIfExists(dump);
            try (Connection c = DriverManager.getConnection(TestDatabase.postgresUrl()); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + restored);
            }
        }
    }

    record Run(int status, String out) {
    }

    private static Run verify(String url, String schema) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = Cli.run(new String[] {"ledger", "verify", "--spring.datasource.url=" + url,
                "--spring.datasource.username=", "--spring.datasource.password=", "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema}, FinbridgeApplication.class, out, out);
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    /** Host, port, user and database of the test server's JDBC URL. */
    record Server(String host, String port, String user, String database) {
        static Server of(String jdbcUrl) {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String user = "postgres";
            if (uri.getQuery() != null) {
                for (String kv : uri.getQuery().split("&")) {
                    if (kv.toLowerCase(Locale.ROOT).startsWith("user=")) {
                        user = kv.substring(5);
                    }
                }
            }
            return new Server(uri.getHost(), String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()), user,
                    uri.getPath().substring(1));
        }
    }

    private static void exec(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
