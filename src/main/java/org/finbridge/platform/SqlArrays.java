package org.finbridge.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * A collection bound as one SQL array parameter ({@code where id = any(?)}, {@code select … from unnest(?, ?)}):
 * one statement and one parameter for thousands of values, where an IN list would need a parameter each
 * and a multi-row INSERT a statement per thousand rows. Works on PostgreSQL and H2 alike.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** @param sqlType the element type as the database names it: uuid, varchar, bigint, integer, date */
    public static AbstractSqlTypeValue of(String sqlType, Collection<?> values) {
        Object[] elements = values.toArray();
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection connection, int type, String typeName) throws SQLException {
                return connection.createArrayOf(sqlType, elements);
            }
        };
    }
}
