package org.finbridge.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Where database tests run. The suite runs twice: on H2 (the embedded default) and, in its second
 * pass ({@code -Dfinbridge.test.database=postgres}), on a real PostgreSQL found through
 * {@code FINBRIDGE_TEST_POSTGRES_URL} (or the local default {@value #LOCAL_POSTGRES}). Every caller
 * gets a database of its own: a fresh in-memory H2 database, or a fresh PostgreSQL schema dropped when
 * the test JVM exits.
 */
public final class TestDatabase {

    public static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static volatile Optional<String> postgresProblem;

    private TestDatabase() {
    }

    /** A database of one's own. {@code schema} is null on H2. */
    public record Fresh(String url, String user, String password, String schema, boolean postgres) {

        public String vendor() {
            return postgres ? "postgresql" : "h2";
        }

        public HikariDataSource dataSource(int poolSize) {
            HikariConfig c = new HikariConfig();
            c.setJdbcUrl(url);
            c.setUsername(user);
            c.setPassword(password);
            c.setMaximumPoolSize(poolSize);
            c.setPoolName("test-" + (schema == null ? "h2" : schema));
            return new HikariDataSource(c);
        }

        /** Applies the application's migrations, as the application would at start-up. */
        public void migrate() {
            var config = Flyway.configure().dataSource(url, user, password)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor());
            if (schema != null) {
                config.schemas(schema).defaultSchema(schema);
            }
            config.load().migrate();
        }

        /** The same database as Spring properties, for an application started on it. */
        public String[] springArguments() {
            var args = new java.util.ArrayList<String>();
            args.add("--spring.datasource.url=" + url);
            args.add("--spring.datasource.username=" + user);
            args.add("--spring.datasource.password=" + password);
            if (schema != null) {
                args.add("--spring.flyway.schemas=" + schema);
                args.add("--spring.flyway.default-schema=" + schema);
            }
            return args.toArray(String[]::new);
        }
    }

    public static boolean isPostgresRun() {
        return "postgres".equalsIgnoreCase(System.getProperty("finbridge.test.database", "h2"));
    }

    public static String postgresUrl() {
        String env = System.getenv("FINBRIDGE_TEST_POSTGRES_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        String prop = System.getProperty("finbridge.test.postgres.url");
        return prop != null && !prop.isBlank() ? prop : LOCAL_POSTGRES;
    }

    /** Why PostgreSQL cannot be used, or empty when it answers. */
    public static Optional<String> postgresProblem() {
        if (postgresProblem == null) {
            synchronized (TestDatabase.class) {
                if (postgresProblem == null) {
                    DriverManager.setLoginTimeout(3);
                    try (Connection c = DriverManager.getConnection(postgresUrl())) {
                        c.isValid(3);
                        postgresProblem = Optional.empty();
                    } catch (SQLException e) {
                        postgresProblem = Optional.of("PostgreSQL is not reachable at " + postgresUrl()
                                + " (" + e.getMessage() + "); set FINBRIDGE_TEST_POSTGRES_URL to run the PostgreSQL tests");
                    }
                }
            }
        }
        return postgresProblem;
    }

    /** A fresh database for the current run (H2 in memory, or a new PostgreSQL schema). */
    public static Fresh fresh(String purpose) {
        return isPostgresRun() ? freshPostgres(purpose) : freshH2InMemory(purpose);
    }

    /**
     * A fresh database that another process can open too: an H2 file under a temporary directory, or a
     * new PostgreSQL schema.
     */
    public static Fresh freshShared(String purpose) {
        if (isPostgresRun()) {
            return freshPostgres(purpose);
        }
        try {
            Path dir = Files.createTempDirectory("finbridge-" + purpose);
            dir.toFile().deleteOnExit();
            return new Fresh("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=20000",
                    "sa", "", null, false);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Fresh freshH2InMemory(String purpose) {
        String name = purpose + "_" + shortId();
        return new Fresh("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", null, false);
    }

    private static Fresh freshPostgres(String purpose) {
        String schema = ("fbt_" + purpose + "_" + shortId()).toLowerCase(Locale.ROOT);
        String base = postgresUrl();
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema on " + base, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(base, schema)));
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Fresh(url, "", "", schema, true);
    }

    private static void dropSchema(String base, String schema) {
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException ignored) {
            // best effort at JVM exit; CI starts from a fresh database anyway
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
