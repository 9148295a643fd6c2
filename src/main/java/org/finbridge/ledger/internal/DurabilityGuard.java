package org.finbridge.ledger.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to run the ledger on a PostgreSQL server that does not make commits durable.
 *
 * <p>The ledger acknowledges a transfer once its batch commits. With {@code fsync=off} a power loss can
 * corrupt the cluster; with {@code synchronous_commit=off} the last few hundred milliseconds of
 * acknowledged commits can vanish after a crash (PostgreSQL manual, "Asynchronous Commit"). Either
 * breaks "money acknowledged is never lost", so start-up stops with a message naming the setting,
 * unless an operator overrides it knowingly ({@code finbridge.ledger.allow-non-durable-commits=true},
 * for example on a throw-away test server). The embedded H2 database is not checked: it is the
 * single-machine default and writes every commit to its file ({@code WRITE_DELAY=0}).
 */
final class DurabilityGuard {

    private static final Logger log = LoggerFactory.getLogger(DurabilityGuard.class);

    /** What the check found: the settings that are off (empty when commits are durable). */
    record Finding(boolean postgres, List<String> unsafeSettings) {

        boolean durable() {
            return unsafeSettings.isEmpty();
        }
    }

    private DurabilityGuard() {
    }

    /** Reads the settings the ledger's connections run with. */
    static Finding inspect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (!product.contains("postgresql")) {
                return new Finding(false, List.of());
            }
            List<String> unsafe = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(
                         "select current_setting('fsync'), current_setting('synchronous_commit')")) {
                rs.next();
                if ("off".equalsIgnoreCase(rs.getString(1))) {
                    unsafe.add("fsync=off");
                }
                if ("off".equalsIgnoreCase(rs.getString(2))) {
                    unsafe.add("synchronous_commit=off");
                }
            }
            return new Finding(true, List.copyOf(unsafe));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's durability settings: " + e.getMessage(), e);
        }
    }

    /** Throws when commits are not durable and no override is set; logs loudly when overridden. */
    static void check(DataSource dataSource, boolean allowNonDurableCommits) {
        Finding finding = inspect(dataSource);
        if (finding.durable()) {
            return;
        }
        String settings = String.join(", ", finding.unsafeSettings());
        if (allowNonDurableCommits) {
            log.warn("The ledger runs on a PostgreSQL server with {}: acknowledged transfers can be lost in a crash "
                    + "(allowed by finbridge.ledger.allow-non-durable-commits=true)", settings);
            return;
        }
        throw new IllegalStateException("Refusing to run the ledger: PostgreSQL runs with " + settings
                + ", so a crash can lose transfers that were already acknowledged. Turn it on in postgresql.conf, "
                + "or set finbridge.ledger.allow-non-durable-commits=true for a server whose data may be lost.");
    }
}
