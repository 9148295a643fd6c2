package org.finbridge.platform;

import java.sql.Connection;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, asked once: PostgreSQL in production, the embedded H2 in development.
 * Modules whose explicit SQL takes a faster PostgreSQL-only path (array statements, table locks, planner
 * settings) ask here instead of each reading the connection's metadata themselves.
 */
@Component
public class DatabaseKind {

    private final DataSource dataSource;
    private volatile Boolean postgres;

    public DatabaseKind(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            try (Connection c = dataSource.getConnection()) {
                p = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot tell which database this is", e);
            }
            postgres = p;
        }
        return p;
    }
}
