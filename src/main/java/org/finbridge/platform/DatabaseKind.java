package org.finbridge.platform;

import java.sql.Connection;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
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
            // the caller's transaction's connection when it has one: the first question may come from a request that
            // holds a connection already, and taking a second from the pool under load can wait for the whole pool
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                p = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot tell which database this is", e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
            postgres = p;
        }
        return p;
    }
}
