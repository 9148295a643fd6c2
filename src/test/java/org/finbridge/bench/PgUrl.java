package org.finbridge.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A benchmark's PostgreSQL JDBC URL, with what PostgreSQL's client tools (pgbench, psql) need out of it. */
record PgUrl(String url, String host, int port, String database, String user, String password) {
    static PgUrl parse(String url) {
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+)(?:\\?(.*))?").matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
        }
        String user = "postgres";
        String password = null;
        if (m.group(4) != null) {
            for (String kv : m.group(4).split("&")) {
                String[] p = kv.split("=", 2);
                if (p.length == 2 && p[0].equals("user")) {
                    user = p[1];
                } else if (p.length == 2 && p[0].equals("password")) {
                    password = p[1];
                }
            }
        }
        return new PgUrl(url, m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), m.group(3), user, password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    Connection connectUnchecked(boolean autoCommit) {
        try {
            Connection c = connect();
            c.setAutoCommit(autoCommit);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String redacted() {
        return url.replaceAll("password=[^&]*", "password=***");
    }

    /** The connection arguments of PostgreSQL's client tools (pgbench, psql) for this server. */
    List<String> clientArguments() {
        return List.of("-h", host, "-p", String.valueOf(port), "-U", user);
    }

    /** The client tools' environment: the password, when the URL has one. */
    Map<String, String> clientEnvironment() {
        return password == null ? Map.of() : Map.of("PGPASSWORD", password);
    }
}
